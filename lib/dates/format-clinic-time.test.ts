import { describe, expect, it } from "vitest";
import { formatClinicDate, formatClinicDateTime, formatClinicTime } from "./format-clinic-time";

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
