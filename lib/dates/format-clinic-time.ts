import { cachedDateTimeFormat } from "./cached-date-time-format";
import { fhirDateOnly, fhirInstantStart } from "./to-clinic-date";

/**
 * The one way a person reads an instant: clinic-local, with the zone's abbreviation ("Dec 7, 2026,
 * 9:30 AM EST"), so a sheet, a table and an admin page never mix UTC and local times.
 */
export function formatClinicDateTime(instant: Date | string, timeZone: string): string {
  return cachedDateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(new Date(instant));
}

/** Time of day only ("9:30 AM EST"), for rows already grouped under a date. */
export function formatClinicTime(instant: Date | string, timeZone: string): string {
  return cachedDateTimeFormat("en-US", { timeZone, hour: "numeric", minute: "2-digit", timeZoneName: "short" }).format(new Date(instant));
}

/**
 * The printed sheet's and the Epic note's form, "Tue 2026-03-03 09:30 EST": the same clinic-local
 * reading with the zone, in the ISO dates and 24-hour times the rest of the sheet uses. A FHIR
 * date-only value is shown as it is; null when the text is neither.
 */
export function formatPrintedDateTime(value: string, timeZone: string): string | null {
  if (fhirDateOnly.test(value)) return value;
  const ms = Date.parse(value);
  if (!fhirInstantStart.test(value) || Number.isNaN(ms)) return null;
  const parts = cachedDateTimeFormat("en-US", {
    timeZone, weekday: "short", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short",
  }).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  // Some ICU versions write GMT offsets with U+2212; keep the label ASCII for the text note.
  const zone = get("timeZoneName").replace(/\u2212/g, "-");
  return `${get("weekday")} ${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")} ${zone}`;
}

/** The calendar day of an instant in the zone ("Dec 7, 2026"), for a date with no time of day. */
export function formatClinicDate(instant: Date | string, timeZone: string): string {
  return cachedDateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", year: "numeric" }).format(new Date(instant));
}
