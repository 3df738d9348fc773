import { addMonthsClamped, computeAgeInYears, daysFromCivil, formatDay, parseIsoDate, type DayNumber } from "../calendar-date";
import type { MeasurementPeriod } from "./quality-facts";

/**
 * Look-back windows the way eCQM CQL writes them, anchored on the measurement period's calendar
 * (never on asOf): "the measurement period or the N years prior" starts N years before the period
 * starts; "October 1 two years prior" is a fixed calendar day in the period's start year − 2.
 */
export type WindowSpec =
  | { kind: "period" }
  | { kind: "yearsBeforeStart"; years: number }
  | { kind: "calendarDayYearsBefore"; years: number; month: number; day: number }
  | { kind: "beforeEnd" }
  | { kind: "beforeStart" };

export type DayWindow = { from: DayNumber | null; to: DayNumber };

export function parsePeriod(period: MeasurementPeriod): { start: DayNumber; end: DayNumber } {
  const start = parseIsoDate(period.start);
  const end = parseIsoDate(period.end);
  if (start === null || end === null || end < start) throw new Error("measurement period needs valid start ≤ end dates");
  return { start, end };
}

export function resolveWindow(spec: WindowSpec, period: MeasurementPeriod): DayWindow {
  const { start, end } = parsePeriod(period);
  switch (spec.kind) {
    case "period":
      return { from: start, to: end };
    case "yearsBeforeStart":
      return { from: addMonthsClamped(start, -12 * spec.years), to: end };
    case "calendarDayYearsBefore": {
      const year = Number(period.start.slice(0, 4)) - spec.years;
      return { from: daysFromCivil(year, spec.month, spec.day), to: end };
    }
    case "beforeEnd":
      return { from: null, to: end };
    case "beforeStart":
      return { from: null, to: start - 1 };
  }
}

export function inWindow(day: DayNumber, window: DayWindow): boolean {
  return (window.from === null || day >= window.from) && day <= window.to;
}

export function describeWindow(window: DayWindow): string {
  return window.from === null ? `on or before ${formatDay(window.to)}` : `${formatDay(window.from)} to ${formatDay(window.to)}`;
}

/** Age in whole years on the period's start or end day, as CQL AgeInYearsAt does. */
export function ageAt(birthDate: string, period: MeasurementPeriod, at: "start" | "end"): number | null {
  const birth = parseIsoDate(birthDate);
  if (birth === null) return null;
  const { start, end } = parsePeriod(period);
  return computeAgeInYears(birth, at === "start" ? start : end);
}
