import { describe, expect, it } from "vitest";
import { formatClinicDate, formatClinicDateTime, formatClinicTime, formatPrintedDateTime } from "./format-clinic-time";

describe("clinic-local times with the zone abbreviation", () => {
  it("reads the same instant in the clinic's zone, summer and winter", () => {
    expect(formatClinicDateTime("2026-12-07T06:39:00Z", "America/New_York")).toBe("Dec 7, 2026, 1:39 AM EST");
    expect(formatClinicDateTime("2026-07-07T06:39:00Z", "America/New_York")).toBe("Jul 7, 2026, 2:39 AM EDT");
    expect(formatClinicTime(new Date("2026-12-07T15:05:00Z"), "America/Chicago")).toBe("9:05 AM CST");
  });

  it("puts the date on the clinic's side of midnight", () => {
    expect(formatClinicDateTime("2026-03-01T03:00:00Z", "America/Los_Angeles")).toBe("Feb 28, 2026, 7:00 PM PST");
    expect(formatClinicDate("2026-03-01T03:00:00Z", "America/Los_Angeles")).toBe("Feb 28, 2026");
  });
});

describe("the printed sheet's form", () => {
  it("is weekday, ISO date, 24-hour time and zone; date-only values stay as they are", () => {
    expect(formatPrintedDateTime("2026-03-03T14:30:00Z", "America/New_York")).toBe("Tue 2026-03-03 09:30 EST");
    expect(formatPrintedDateTime("2026-03-01T03:00:00Z", "America/Los_Angeles")).toBe("Sat 2026-02-28 19:00 PST");
    expect(formatPrintedDateTime("2026-03-03", "America/New_York")).toBe("2026-03-03");
    expect(formatPrintedDateTime("soon", "America/New_York")).toBeNull();
  });
});
