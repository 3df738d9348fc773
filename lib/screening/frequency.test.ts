import { expect, test } from "vitest";
import { formatDay, parseIsoDate } from "./calendar-date";
import { addFrequency, describeFrequency, frequencySchema, type IntervalFrequency } from "./frequency";

const add = (from: string, value: number, unit: IntervalFrequency["unit"]) =>
  formatDay(addFrequency(parseIsoDate(from) ?? Number.NaN, { kind: "interval", value, unit }));

test.each([
  ["2020-03-04", 10, "years", "2030-03-04"],
  ["2024-02-29", 1, "years", "2025-02-28"],
  ["2024-02-29", 4, "years", "2028-02-29"],
  ["2025-01-10", 3, "months", "2025-04-10"],
  ["2025-01-31", 1, "months", "2025-02-28"],
  ["2025-01-10", 0.25, "years", "2025-04-10"],
  ["2025-01-10", 0.5, "years", "2025-07-10"],
  ["2025-01-10", 1.5, "years", "2026-07-10"],
  ["2025-01-10", 2.5, "years", "2027-07-10"],
  ["2025-01-10", 18, "months", "2026-07-10"],
  ["2025-01-10", 1.5, "months", "2025-02-25"],
  ["2025-01-10", 0.1, "years", "2025-02-16"],
])("%s + %f %s = %s", (from, value, unit, expected) => {
  expect(add(from, value, unit as IntervalFrequency["unit"])).toBe(expected);
});

test("schema accepts fractions and once, rejects zero and negative", () => {
  expect(frequencySchema.safeParse({ kind: "interval", value: 0.25, unit: "years" }).success).toBe(true);
  expect(frequencySchema.safeParse({ kind: "once" }).success).toBe(true);
  expect(frequencySchema.safeParse({ kind: "interval", value: 0, unit: "years" }).success).toBe(false);
  expect(frequencySchema.safeParse({ kind: "interval", value: -1, unit: "months" }).success).toBe(false);
});

test.each([
  [{ kind: "once" } as const, "once"],
  [{ kind: "interval", value: 1, unit: "years" } as const, "every year"],
  [{ kind: "interval", value: 2.5, unit: "years" } as const, "every 2.5 years"],
  [{ kind: "interval", value: 6, unit: "months" } as const, "every 6 months"],
])("describes %o as %s", (frequency, text) => {
  expect(describeFrequency(frequency)).toBe(text);
});
