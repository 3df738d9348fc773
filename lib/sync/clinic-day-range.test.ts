import { describe, expect, it } from "vitest";
import { clinicDayRange, startOfLocalDay } from "./clinic-day-range";

describe("clinicDayRange", () => {
  it.each([
    ["America/New_York", "2026-11-28", "2026-11-28T05:00:00.000Z"],
    ["America/New_York", "2026-07-04", "2026-07-04T04:00:00.000Z"],
    ["America/Chicago", "2026-03-08", "2026-03-08T06:00:00.000Z"],
    ["UTC", "2026-01-01", "2026-01-01T00:00:00.000Z"],
    ["Asia/Kolkata", "2026-01-01", "2025-12-31T18:30:00.000Z"],
  ])("%s %s starts at %s", (zone, date, expected) => {
    expect(startOfLocalDay(zone, date).toISOString()).toBe(expected);
  });

  it("spans whole local days, including a 23-hour DST day", () => {
    const { from, to } = clinicDayRange("America/New_York", "2026-03-08");
    expect((to.getTime() - from.getTime()) / 3_600_000).toBe(23);
    const week = clinicDayRange("America/New_York", "2026-11-28", 7);
    expect(week.to.toISOString()).toBe("2026-12-05T05:00:00.000Z");
  });
});
