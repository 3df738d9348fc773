import { cachedDateTimeFormat } from "@/lib/dates/cached-date-time-format";

/**
 * Calendar helpers in the clinic's time zone. FHIR instants arrive as UTC (`…Z`); a lab drawn at 23:30
 * local time on the 3rd must show as the 3rd, so every instant is read through Intl in the clinic zone.
 * Date-only values (including partial `YYYY`, `YYYY-MM`) are already calendar dates and pass through.
 */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return cachedDateTimeFormat("en-US", {
    timeZone, weekday: "short", year: "numeric", month: "2-digit", day: "2-digit",
    hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short",
  });
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

type ClinicTime = { date: string; time: string; weekday: string; zone: string };

/** Local date and time of an instant; null when the text is not a parseable instant. */
export function readClinicTime(instant: string, timeZone: string): ClinicTime | null {
  const ms = Date.parse(instant);
  if (!/T/.test(instant) || Number.isNaN(ms)) return null;
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  // Some ICU versions write GMT offsets with U+2212; keep the label ASCII for the text note.
  const zone = get("timeZoneName").replace(/\u2212/g, "-");
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}`, weekday: get("weekday"), zone };
}

const datePattern = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** A FHIR date or instant as a clinic calendar date (possibly partial), or null when unusable. */
export function toClinicDate(value: string | null | undefined, timeZone: string): string | null {
  if (typeof value !== "string") return null;
  if (datePattern.test(value)) return value;
  return readClinicTime(value, timeZone)?.date ?? null;
}

/** "Tue 2026-03-03 09:30 EST"; date-only values are shown as they are. */
export function formatClinicDateTime(value: string, timeZone: string): string | null {
  if (datePattern.test(value)) return value;
  const local = readClinicTime(value, timeZone);
  return local ? `${local.weekday} ${local.date} ${local.time} ${local.zone}` : null;
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Calendar months back from a YYYY-MM-DD date, clamped to the month's end (31 May − 3 months = 28/29 Feb). */
export function subtractMonths(date: string, months: number): string {
  const m = isoDate.exec(date);
  if (!m) throw new RangeError(`expected YYYY-MM-DD, got "${date}"`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(m[3]), lastDay);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
