import { z } from "zod";

/**
 * Calendar arithmetic on whole days, with no clock and no time zone: a day is the count of days since
 * 1970-01-01 in the proleptic Gregorian calendar (Hinnant's civil-from-days). Screening rules are
 * about clinic calendar dates, so instants never enter this module.
 */
export type DayNumber = number;
export type DatePrecision = "day" | "month" | "year";

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const partialDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(dayNumber: DayNumber): { year: number; month: number; day: number } {
  const z0 = dayNumber + 719468;
  const era = Math.floor(z0 / 146097);
  const doe = z0 - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp + (mp < 10 ? 3 : -9);
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

// The first day of every month from 1900 to 2199 (and of January 2200, closing the last month).
const firstTableYear = 1900;
const monthStarts = Int32Array.from({ length: 300 * 12 + 1 }, (_, i) => daysFromCivil(firstTableYear + Math.floor(i / 12), (i % 12) + 1, 1));

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function toValidDay(year: number, month: number, day: number): DayNumber | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const slot = (year - firstTableYear) * 12 + month - 1;
  if (slot >= 0 && slot < monthStarts.length - 1) {
    // Table years: the month's first day and length are two loads instead of the era arithmetic.
    const first = monthStarts[slot] ?? 0;
    return day > (monthStarts[slot + 1] ?? 0) - first ? null : first + day - 1;
  }
  if (day > daysInMonth(year, month)) return null;
  return daysFromCivil(year, month, day);
}

/** A full `YYYY-MM-DD` date, or null when the text is not one (never throws). */
export function parseIsoDate(text: string | null | undefined): DayNumber | null {
  if (typeof text !== "string") return null;
  // The engine parses dates by the million; reading the digits directly skips the match array.
  if (hasIsoDateShape(text)) return toValidDay(digitsAt(text, 0, 4), digitsAt(text, 5, 7), digitsAt(text, 8, 10));
  const m = isoDatePattern.exec(text);
  if (!m) return null;
  return toValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

const isDigitAt = (text: string, i: number) => {
  const code = text.charCodeAt(i);
  return code >= 48 && code <= 57;
};

/** Whether the text is `DDDD-DD-DD` with ASCII digits: exactly the strings isoDatePattern matches. */
export function hasIsoDateShape(text: string): boolean {
  return (
    text.length === 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 &&
    isDigitAt(text, 0) && isDigitAt(text, 1) && isDigitAt(text, 2) && isDigitAt(text, 3) &&
    isDigitAt(text, 5) && isDigitAt(text, 6) && isDigitAt(text, 8) && isDigitAt(text, 9)
  );
}

function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/**
 * A fact date that may be partial (`2015`, `2015-06`), as FHIR allows for history entries. A partial
 * date resolves to its FIRST day: the earliest the event can have happened, so a screening computed
 * from it is never shown as done for longer than it truly is.
 */
export function parseFactDate(
  text: string | null | undefined,
): { day: DayNumber; precision: DatePrecision } | null {
  const m = typeof text === "string" ? partialDatePattern.exec(text) : null;
  if (!m) return null;
  const year = Number(m[1]);
  if (m[3] !== undefined) {
    const day = toValidDay(year, Number(m[2]), Number(m[3]));
    return day === null ? null : { day, precision: "day" };
  }
  if (m[2] !== undefined) {
    const day = toValidDay(year, Number(m[2]), 1);
    return day === null ? null : { day, precision: "month" };
  }
  return { day: daysFromCivil(year, 1, 1), precision: "year" };
}

// Screening formats the same few thousand days over and over. Days from 1900 to 2199 are memoised in
// an array indexed by day: one load, where a Map with tens of thousands of days hashes and probes
// (a profile showed that lookup as a third of decideStatus). Other days are formatted each time.
/** The days (1900-01-01 … 2199-12-31) the engine's per-day tables cover: this one and fact-helpers' shared dates. */
export const firstMemoDay = daysFromCivil(1900, 1, 1);
export const memoDayCount = daysFromCivil(2200, 1, 1) - firstMemoDay;
const formattedDays: (string | undefined)[] = new Array<string | undefined>(memoDayCount).fill(undefined);

export function formatDay(dayNumber: DayNumber): string {
  const slot = dayNumber - firstMemoDay;
  if (!(slot >= 0 && slot < memoDayCount && Number.isInteger(slot))) return formatDayText(dayNumber);
  let text = formattedDays[slot];
  if (text === undefined) {
    text = formatDayText(dayNumber);
    formattedDays[slot] = text;
  }
  return text;
}

function formatDayText(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * The evaluation date. Prefer the clinic-local `YYYY-MM-DD` string; a Date is read by its UTC
 * calendar fields (so `new Date("2025-06-01")` is 2025-06-01). A bad asOf is a programming error.
 */
export function toDayNumber(asOf: string | Date): DayNumber {
  if (typeof asOf === "string") {
    const day = parseIsoDate(asOf);
    if (day === null) throw new RangeError(`asOf must be a YYYY-MM-DD date, got "${asOf}"`);
    return day;
  }
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) throw new RangeError("asOf is not a valid Date");
  return daysFromCivil(asOf.getUTCFullYear(), asOf.getUTCMonth() + 1, asOf.getUTCDate());
}

/** Calendar months with end-of-month clamping (Jan 31 + 1 month = Feb 28/29), as CQL and relativedelta do. */
export function addMonthsClamped(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = civilFromDays(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return daysFromCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/**
 * Whole years of age on a date. A birthday counts once the month and day are reached, so someone born
 * on 29 February turns a year older on 1 March in common years (CQL's years-between rule).
 */
export function computeAgeInYears(birthDay: DayNumber, onDay: DayNumber): number {
  const b = civilFromDays(birthDay);
  const o = civilFromDays(onDay);
  const beforeBirthday = o.month < b.month || (o.month === b.month && o.day < b.day);
  return o.year - b.year - (beforeBirthday ? 1 : 0);
}

/** The first day on which `computeAgeInYears` reaches `years` (1 March for leap-day births in common years). */
export function dayOfReachingAge(birthDay: DayNumber, years: number): DayNumber {
  const b = civilFromDays(birthDay);
  const year = b.year + years;
  if (b.month === 2 && b.day === 29 && !isLeapYear(year)) return daysFromCivil(year, 3, 1);
  return daysFromCivil(year, b.month, b.day);
}

export const isoDateSchema = z
  .string()
  .refine((value) => parseIsoDate(value) !== null, { message: "expected a valid YYYY-MM-DD date" });

/** Dates in facts may be partial (YYYY or YYYY-MM); see parseFactDate. */
export const factDateSchema = z
  .string()
  .refine((value) => parseFactDate(value) !== null, { message: "expected YYYY, YYYY-MM or YYYY-MM-DD" });
