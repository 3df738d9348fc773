import { describe, expect, test } from "vitest";
import { parseIsoDate } from "../calendar-date";
import type { QmResource, Span } from "./qm-facts";
import { during, endsDuring, latest, overlaps, prevalenceInterval, proportionGroup, startsDuring, startsOnOrBefore } from "./qm-logic";
import { toQmFacts } from "./to-qm-facts";

const d = (iso: string) => parseIsoDate(iso)!;
const mp: Span = { lo: d("2026-01-01"), hi: d("2026-12-31") };
const s = (lo: string | null, hi: string | null, extra: Partial<Span> = {}): Span => ({ lo: lo ? d(lo) : -Infinity, hi: hi ? d(hi) : Infinity, ...extra });

describe("interval relations at day precision, with CQL null boundaries", () => {
  test.each([
    ["inside", s("2026-03-01", "2026-03-02"), { during: true, overlaps: true, endsDuring: true, startsDuring: true }],
    ["ends on the first day", s("2025-12-01", "2026-01-01"), { during: false, overlaps: true, endsDuring: true, startsDuring: false }],
    ["starts on the last day, ongoing", s("2026-12-31", null), { during: false, overlaps: true, endsDuring: false, startsDuring: true }],
    ["ended the day before", s("2025-01-01", "2025-12-31"), { during: false, overlaps: false, endsDuring: false, startsDuring: false }],
    ["ongoing from long ago", s(null, null), { during: false, overlaps: true, endsDuring: false, startsDuring: false }],
    ["unknown end, started inside", s("2026-05-01", null, { hiUnknown: true }), { during: false, overlaps: true, endsDuring: false, startsDuring: true }],
    ["unknown end, started before", s("2025-05-01", null, { hiUnknown: true }), { during: false, overlaps: false, endsDuring: false, startsDuring: false }],
  ])("%s", (_name, a, expected) => {
    expect({ during: during(a, mp), overlaps: overlaps(a, mp), endsDuring: endsDuring(a, mp), startsDuring: startsDuring(a, mp) }).toEqual(expected);
  });
  test("latest is the end when there is one, else the start", () => {
    expect(latest(s("2026-02-01", "2026-02-03"))).toBe(d("2026-02-03"));
    expect(latest(s("2026-02-01", null))).toBe(d("2026-02-01"));
    expect(latest(null)).toBeNull();
  });
});

describe("prevalenceInterval", () => {
  const condition = (clinical: string | null, onset: string | null, abatement: string | null) =>
    toQmFacts([
      { resourceType: "Patient", birthDate: "1960-01-01" },
      {
        resourceType: "Condition", id: "c", code: { coding: [{ system: "http://snomed.info/sct", code: "1" }] },
        ...(clinical ? { clinicalStatus: { coding: [{ code: clinical }] } } : {}),
        ...(onset ? { onsetDateTime: onset } : {}), ...(abatement ? { abatementDateTime: abatement } : {}),
      },
    ])!.resources[0] as QmResource;
  test.each([
    ["active, no abatement: ongoing", "active", "2020-01-01", null, true],
    ["resolved with no abatement date: unknown end, not in a later period", "resolved", "2020-01-01", null, false],
    ["resolved before the period", "resolved", "2020-01-01", "2025-12-31", false],
    ["recurrence without onset: from the first", "recurrence", null, null, true],
  ])("%s", (_name, clinical, onset, abatement, overlapsPeriod) => {
    expect(overlaps(prevalenceInterval(condition(clinical, onset, abatement)), mp)).toBe(overlapsPeriod);
  });
  test("a condition with no onset started on or before any day", () => {
    expect(startsOnOrBefore(prevalenceInterval(condition("active", null, null)), mp.hi)).toBe(true);
  });
});

describe("proportionGroup counts populations as the MeasureReport does", () => {
  const yes = () => true;
  const no = () => false;
  test.each([
    ["not in the population", { ip: false, numer: yes }, [0, 0, 0, 0, 0]],
    ["excluded: numerator not counted", { ip: true, denex: yes, numer: yes }, [1, 1, 1, 0, 0]],
    ["in the numerator: never an exception", { ip: true, numer: yes, denexcep: yes }, [1, 1, 0, 0, 1]],
    ["exception when not met", { ip: true, numer: no, denexcep: yes }, [1, 1, 0, 1, 0]],
    ["denominator narrower than the population", { ip: true, denominator: false, numer: yes }, [1, 0, 0, 0, 0]],
  ])("%s", (_name, input, [ip, denom, denex, denexcep, numer]) => {
    expect(proportionGroup(input)).toMatchObject({ "initial-population": ip, denominator: denom, "denominator-exclusion": denex, "denominator-exception": denexcep, numerator: numer });
  });
});
