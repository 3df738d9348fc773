import { describe, expect, it } from "vitest";
import { buildDailySeries, lastLocalDays } from "./build-daily-series";

describe("lastLocalDays", () => {
  it("counts back across a month and a leap day, oldest first", () => {
    expect(lastLocalDays("2028-03-02", 4)).toEqual(["2028-02-28", "2028-02-29", "2028-03-01", "2028-03-02"]);
  });

  it("is unaffected by DST changes (dates, not instants)", () => {
    expect(lastLocalDays("2026-03-09", 2)).toEqual(["2026-03-08", "2026-03-09"]);
  });
});

describe("buildDailySeries", () => {
  it("fills missing days with zero and ignores days outside the window", () => {
    const counts = new Map([["2026-05-01", 3], ["2026-05-03", 1], ["2026-04-01", 9]]);
    expect(buildDailySeries("2026-05-03", 3, counts)).toEqual([
      { day: "2026-05-01", count: 3 },
      { day: "2026-05-02", count: 0 },
      { day: "2026-05-03", count: 1 },
    ]);
  });
});
