import { describe, expect, it } from "vitest";
import { formatClinicDateTime } from "./format-clinic-time";
import { readerTimeZone } from "./reader-time-zone";

describe("readerTimeZone", () => {
  it("prefers the reader's clinic, then the row's clinic, then UTC", () => {
    expect(readerTimeZone("America/New_York", "America/Chicago")).toBe("America/New_York");
    expect(readerTimeZone(null, "America/Chicago")).toBe("America/Chicago");
    expect(readerTimeZone(undefined, null)).toBe("UTC");
  });

  it("labels a UTC time as UTC", () => {
    expect(formatClinicDateTime("2026-12-07T06:39:00Z", readerTimeZone(null))).toBe("Dec 7, 2026, 6:39 AM UTC");
  });
});
