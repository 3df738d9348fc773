import { cachedDateTimeFormat } from "./cached-date-time-format";

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

/** The calendar day of an instant in the zone ("Dec 7, 2026"), for a date with no time of day. */
export function formatClinicDate(instant: Date | string, timeZone: string): string {
  return cachedDateTimeFormat("en-US", { timeZone, month: "short", day: "numeric", year: "numeric" }).format(new Date(instant));
}
