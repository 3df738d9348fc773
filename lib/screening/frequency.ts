import { z } from "zod";
import { addMonthsClamped, type DayNumber } from "./calendar-date";

/**
 * How often a screening repeats. `once` is a lifetime screening (HIV, hepatitis C, AAA): any valid
 * evidence completes it for good. Fractions are allowed (0.25 years, 1.5 months).
 */
export const frequencySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("interval"),
    value: z.number().positive().max(100 * 12),
    unit: z.enum(["months", "years"]),
  }),
  z.object({ kind: z.literal("once") }),
]);
export type Frequency = z.infer<typeof frequencySchema>;
export type IntervalFrequency = Extract<Frequency, { kind: "interval" }>;

// Mean Gregorian month, used only for the fractional remainder of a frequency.
const daysPerMonth = 365.2425 / 12;

/**
 * Adds a frequency to a day: whole calendar months first (end-of-month clamped, so 29 Feb 2024 + 1
 * year = 28 Feb 2025), then any fractional month as rounded days. Years are 12 months, so 2.5 years
 * is exactly 30 months rather than a crash or a rounding guess as in the original app.
 */
export function addFrequency(day: DayNumber, frequency: IntervalFrequency): DayNumber {
  const rawMonths = frequency.unit === "years" ? frequency.value * 12 : frequency.value;
  // Round away binary noise such as 0.1 * 12 = 1.2000000000000002.
  const months = Math.round(rawMonths * 1e6) / 1e6;
  const whole = Math.floor(months);
  return addMonthsClamped(day, whole) + Math.round((months - whole) * daysPerMonth);
}

export function describeFrequency(frequency: Frequency): string {
  if (frequency.kind === "once") return "once";
  const { value, unit } = frequency;
  if (value === 1) return unit === "years" ? "every year" : "every month";
  return `every ${value} ${unit}`;
}
