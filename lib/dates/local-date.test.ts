import { describe, expect, it } from "vitest";
import { formatLongDate, localDate } from "./local-date";

describe("localDate", () => {
  it.each([
    ["2026-11-28T03:30:00Z", "America/New_York", "2026-11-27"],
    ["2026-11-28T05:30:00Z", "America/New_York", "2026-11-28"],
    ["2026-11-28T05:30:00Z", "America/Chicago", "2026-11-27"],
    ["2026-03-08T07:30:00Z", "America/New_York", "2026-03-08"],
    ["2026-12-31T23:59:59Z", "UTC", "2026-12-31"],
  ])("%s in %s is %s", (instant, tz, expected) => {
    expect(localDate(tz, new Date(instant))).toBe(expected);
  });

  it("formats a date without shifting it", () => {
    expect(formatLongDate("2026-11-28")).toBe("Saturday, November 28, 2026");
  });
});
