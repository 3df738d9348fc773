import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addMonthsClamped, civilFromDays, computeAgeInYears, dayOfReachingAge, daysFromCivil, daysInMonth, formatDay,
  parseFactDate, parseIsoDate, toDayNumber,
} from "./calendar-date";

const d = (text: string) => {
  const day = parseIsoDate(text);
  if (day === null) throw new Error(`bad test date ${text}`);
  return day;
};

describe("day numbers", () => {
  test("round-trip through civil dates across centuries and leap days", () => {
    for (const text of ["1900-02-28", "1900-03-01", "2000-02-29", "1970-01-01", "2024-12-31", "2100-03-01", "1601-01-01"]) {
      expect(formatDay(d(text))).toBe(text);
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(civilFromDays(-1)).toEqual({ year: 1969, month: 12, day: 31 });
  });

  test.each([
    ["2024-02-29", true], ["2023-02-29", false], ["1900-02-29", false], ["2000-02-29", true],
    ["2025-04-31", false], ["2025-13-01", false], ["2025-00-10", false], ["2025-6-1", false],
    ["2025-06-01T00:00:00Z", false], ["", false],
  ])("parseIsoDate(%s) valid=%s", (text, valid) => {
    expect(parseIsoDate(text) !== null).toBe(valid);
  });

  test.each([
    ["2015", "2015-01-01", "year"], ["2015-06", "2015-06-01", "month"], ["2015-06-20", "2015-06-20", "day"],
  ])("partial fact date %s counts from its first day", (text, first, precision) => {
    expect(parseFactDate(text)).toEqual({ day: d(first), precision });
  });

  test.each([["2015-13"], ["2015-02-30"], ["15"], ["yesterday"], [null], [undefined]])("parseFactDate(%s) is null", (text) => {
    expect(parseFactDate(text)).toBeNull();
  });
});

describe("asOf", () => {
  test("accepts a date string or a Date read by UTC fields", () => {
    expect(toDayNumber("2025-06-01")).toBe(d("2025-06-01"));
    expect(toDayNumber(new Date("2025-06-01T23:30:00Z"))).toBe(d("2025-06-01"));
  });
  test.each([["2025-02-30"], ["06/01/2025"]])("rejects %s", (text) => {
    expect(() => toDayNumber(text)).toThrow(RangeError);
  });
  test("rejects an invalid Date", () => {
    expect(() => toDayNumber(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("age on asOf", () => {
  test.each([
    ["1980-06-15", "2025-06-14", 44, "the day before the birthday"],
    ["1980-06-15", "2025-06-15", 45, "on the birthday"],
    ["1980-06-15", "2025-06-16", 45, "the day after"],
    ["1980-02-29", "2025-02-28", 44, "leap-day birth, common year, 28 Feb"],
    ["1980-02-29", "2025-03-01", 45, "leap-day birth, common year, 1 Mar"],
    ["1980-02-29", "2024-02-29", 44, "leap-day birth on a leap day"],
    ["1980-02-29", "2024-02-28", 43, "leap-day birth, leap year, 28 Feb"],
    ["1980-12-31", "2025-01-01", 44, "year boundary"],
  ])("born %s, on %s → %i (%s)", (birth, on, age) => {
    expect(computeAgeInYears(d(birth), d(on))).toBe(age);
  });

  test("the day a threshold age is reached agrees with computeAgeInYears", () => {
    expect(formatDay(dayOfReachingAge(d("1980-06-15"), 45))).toBe("2025-06-15");
    expect(formatDay(dayOfReachingAge(d("1980-02-29"), 45))).toBe("2025-03-01");
    expect(formatDay(dayOfReachingAge(d("1980-02-29"), 44))).toBe("2024-02-29");
  });
});

describe("calendar months", () => {
  test.each([
    ["2025-01-31", 1, "2025-02-28"], ["2024-01-31", 1, "2024-02-29"], ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"], ["2025-03-31", -1, "2025-02-28"], ["2025-11-15", 3, "2026-02-15"],
    ["2025-06-01", 0, "2025-06-01"],
    // Look-back windows (the prep sheet's "last N months"): backwards, clamped the same way.
    ["2026-03-03", -12, "2025-03-03"], ["2026-05-31", -3, "2026-02-28"], ["2024-05-31", -3, "2024-02-29"],
    ["2026-01-15", -1, "2025-12-15"], ["2026-03-31", -120, "2016-03-31"],
  ])("%s + %i months = %s", (from, months, expected) => {
    expect(formatDay(addMonthsClamped(d(from), months))).toBe(expected);
  });
});

describe("fast paths agree with the plain rules", () => {
  const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
  const shapes = fc.oneof(
    fc.date({ min: new Date("0001-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
    fc.tuple(fc.stringMatching(/^[0-9]{4}$/), fc.stringMatching(/^[0-9]{2}$/), fc.stringMatching(/^[0-9]{2}$/)).map((parts) => parts.join("-")),
    fc.string({ maxLength: 12 }),
    fc.constantFrom("2024-02-29", "2023-02-29", "0000-01-01", "2024-1-01", "２０２４-01-01", "2024-01-01\n", "2024/01/01"),
  );

  test("parseIsoDate reads digits directly only where the pattern would match", () => {
    fc.assert(fc.property(shapes, (text) => {
      const m = isoDatePattern.exec(text);
      const expected = m && parseFactDate(text)?.precision === "day" ? parseFactDate(text)?.day : null;
      expect(parseIsoDate(text)).toBe(m ? (expected ?? null) : null);
    }), { numRuns: 3000 });
  });

  test("parseIsoDate's month table agrees with the calendar arithmetic on every date around its 1900–2199 window", () => {
    const pad = (n: number, width: number) => String(n).padStart(width, "0");
    let checked = 0;
    for (let year = 1890; year <= 2210; year++) {
      for (let month = 0; month <= 13; month++) {
        for (let day = 0; day <= 32; day++) {
          const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
          expect(parseIsoDate(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`)).toBe(valid ? daysFromCivil(year, month, day) : null);
          checked++;
        }
      }
    }
    expect(checked).toBe(321 * 14 * 33);
  });

  test("formatDay is the same inside and outside its memoised 1900–2199 window", () => {
    for (const text of ["1899-12-31", "1900-01-01", "2199-12-31", "2200-01-01", "0001-01-01", "9999-12-31"]) {
      expect(formatDay(d(text))).toBe(text);
      expect(formatDay(d(text))).toBe(text);
    }
  });
});
