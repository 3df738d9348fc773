import { parseFactDate } from "@/lib/screening/calendar-date";
import { localDate } from "./local-date";

/** A FHIR date without a time: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export const fhirDateOnly = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** How a FHIR dateTime or instant with a time begins. */
export const fhirInstantStart = /^\d{4}-\d{2}-\d{2}T/;

/**
 * A FHIR date or instant as the clinic's calendar date, or null when unusable. FHIR instants arrive
 * in UTC (`…Z`): a lab drawn at 23:30 local time on the 3rd must read as the 3rd, so an instant is
 * read in the clinic's zone. Date-only values (partial `YYYY`, `YYYY-MM` included) are already
 * calendar dates and stay as they are when they are real dates ("2024-02-30" is not). Anything else
 * is not a FHIR date ("March 3" would otherwise parse), so it is null rather than a guess.
 */
export function toClinicDate(value: string | null | undefined, timeZone: string): string | null {
  if (typeof value !== "string" || value === "") return null;
  if (fhirDateOnly.test(value)) return parseFactDate(value) === null ? null : value;
  if (!fhirInstantStart.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : localDate(timeZone, new Date(ms));
}
