import { describe, expect, it } from "vitest";
import { findServiceDate } from "./find-service-date";

const asOf = "2024-11-28";

describe("findServiceDate", () => {
  const cases: [string, string, string | null][] = [
    ["Date of Service label, US format", "Date of Service: 03/02/2024", "2024-03-02"],
    ["Collected, ISO", "Collected: 2024-03-02 08:15", "2024-03-02"],
    ["Procedure Date", "Procedure Date: 3/2/2024", "2024-03-02"],
    ["month name", "Exam Date: January 15, 2024", "2024-01-15"],
    ["abbreviated month with period", "Performed Mar. 2, 2024", "2024-03-02"],
    ["day month year", "Seen on 2 March 2024 in clinic", "2024-03-02"],
    ["two-digit year", "DOS: 03/02/24", "2024-03-02"],
    ["two-digit year in the last century", "Collected 01/05/98", "1998-01-05"],
    ["labelled date beats an earlier unlabelled one", "Printed 11/20/2024\nReferral 01/02/2023\nProcedure Date: 03/02/2024", "2024-03-02"],
    ["birth date is never the service date", "DOB: 01/01/1960", null],
    ["nearest label wins on one line", "DOB: 01/01/1960   Collected: 2024-03-02", "2024-03-02"],
    ["future dates are rejected", "Date of Service: 12/01/2025", null],
    ["impossible dates are rejected", "Date of Service: 02/30/2024", null],
    ["no date at all", "Colonoscopy report without any date", null],
    ["lab ranges are not dates", "Glucose 92 mg/dL 70-99\nBP 128/82", null],
    ["discharge date used for hospital stays", "Admission Date: 02/10/2024\nDischarge Date: 02/14/2024", "2024-02-14"],
    ["unlabelled date as a last resort", "Visit summary\n04/22/2024\nPalpitations", "2024-04-22"],
    ["label ending the line above owns the date", "Date of Birth:\n04/12/1971\nDate of Procedure:\n06/23/2024", "2024-06-23"],
    ["label in the other column does not own the date", "Ordering Physician: Dr. A Date of Procedure:\nof Thyroid Nodule  06/23/2024 Date of Report:\n06/25/2024", "2024-06-23"],
    ["two columns on one line", "DOB: 07/14/1958  Date: 06/22/2024", "2024-06-22"],
    ["item dates in a vaccine list are not the visit", "Vaccines\nInfluenza - 10/15/2023\nTdap - 08/20/2022", null],
    ["previous-result column of a lab table is not the collection", "Test Result Previous Date\nHDL-C 52 49 04/01/2024 mg/dL", null],
    ["a due date is never the service date", "Estimated Due Date: 09/27/2024", null],
    ["a bare Date: heads a letter", "FAX\nDate: June 25, 2024\nPages: 1", "2024-06-25"],
    ["a named service date beats a bare Date:", "Date: 06/23/2024\nDate of Visit: 06/20/2024", "2024-06-20"],
  ];
  it.each(cases)("%s", (_name, text, expected) => {
    expect(findServiceDate(text, asOf)?.date ?? null).toBe(expected);
  });
});
