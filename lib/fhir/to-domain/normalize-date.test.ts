import { describe, expect, it } from "vitest";
import { normalizeFhirDate, normalizeFhirInstant } from "./normalize-date";

describe("normalizeFhirDate", () => {
  it.each([
    ["2024", "2024"],
    ["2024-02", "2024-02"],
    ["2024-02-29", "2024-02-29"],
    ["2023-02-29", null],
    ["2024-13", null],
    ["2024-02-10T09:15:00-05:00", "2024-02-10T14:15:00.000Z"],
    ["2024-02-10T23:30:00-05:00", "2024-02-11T04:30:00.000Z"],
    ["2024-02-10T09:15Z", "2024-02-10T09:15:00.000Z"],
    ["2024-02-10T09:15:00.123456+01:00", "2024-02-10T08:15:00.123Z"],
    ["2024-02-10T09:15:00", null], // a time without a zone is not valid FHIR; refusing beats guessing
    ["2024-02-30T09:15:00Z", null],
    ["02/10/2024", null],
    ["", null],
    [20240210, null],
    [null, null],
  ])("%j → %j", (input, expected) => {
    expect(normalizeFhirDate(input)).toBe(expected);
  });

  it("instant requires a time", () => {
    expect(normalizeFhirInstant("2026-11-28")).toBeNull();
    expect(normalizeFhirInstant("2026-11-28T09:00:00-06:00")).toBe("2026-11-28T15:00:00.000Z");
  });
});
