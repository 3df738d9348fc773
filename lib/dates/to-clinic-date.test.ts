import { describe, expect, test } from "vitest";
import { toClinicDate } from "./to-clinic-date";

describe("toClinicDate", () => {
  test.each([
    ["2024-03-02", "2024-03-02"],
    ["2024-03", "2024-03"],
    ["2024", "2024"],
    ["2024-02-30", null],
    ["2024-13", null],
    ["2024-03-02T03:30:00Z", "2024-03-01"], // 22:30 the evening before in New York
    ["2024-03-02T15:00:00Z", "2024-03-02"],
    ["2024-03-02T23:30:00-05:00", "2024-03-02"],
    ["2024-07-02T03:30:00Z", "2024-07-01"], // summer time: 23:30 EDT
    ["March 2, 2024", null], // Date.parse would read it; FHIR never sends it
    ["2024-03-02 15:00", null],
    ["not a date", null],
    ["", null],
    [null, null],
    [undefined, null],
  ])("%s → clinic day %s", (value, expected) => {
    expect(toClinicDate(value, "America/New_York")).toBe(expected);
  });
});
