import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import { toQmFacts } from "../to-qm-facts";

/** CMS349 boundaries from the specification: age at the period's start, the 15th/66th-birthday test window, HIV before the period, 2025 vs 2026. */
const mp26 = { start: "2026-01-01", end: "2026-12-31" };
const mp25 = { start: "2025-01-01", end: "2025-12-31" };
const visit = (day: string) => ({ resourceType: "Encounter", id: `v${day}`, status: "finished", type: [{ coding: [{ system: "http://www.ama-assn.org/go/cpt", code: "99213" }] }], period: { start: `${day}T09:00:00Z`, end: `${day}T09:30:00Z` } });
const hivTest = (date: string, extra: object = {}) => ({
  resourceType: "Observation", id: `t${date}`, status: "final", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }],
  code: { coding: [{ system: "http://loinc.org", code: "56888-1" }] }, effectiveDateTime: date, valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: "260385009" }] }, ...extra,
});
const hiv = (onset: string, verification = "confirmed") => ({
  resourceType: "Condition", id: `c${onset}`, code: { coding: [{ system: "http://snomed.info/sct", code: "86406008" }] }, onsetDateTime: onset,
  clinicalStatus: { coding: [{ code: "active" }] }, verificationStatus: { coding: [{ code: verification }] },
});
const run = (mp: { start: string; end: string }, birthDate: string, resources: object[], patient: object = {}) => {
  const g = evaluateQualityMeasure(toQmFacts([{ resourceType: "Patient", id: "p", gender: "female", birthDate, ...patient }, ...resources])!, selectQualityMeasure("CMS349", mp)!, mp).groups[0]!;
  return [g["initial-population"], g["denominator-exclusion"], g.numerator, g["denominator-exception"]];
};

describe("CMS349v8 (2026)", () => {
  test.each([
    ["15 on the first day of the period", "2011-01-01", [visit("2026-03-01")], [1, 0, 0, 0]],
    ["14 on the first day (15 the next day)", "2011-01-02", [visit("2026-03-01")], [0, 0, 0, 0]],
    ["65 on the first day", "1960-01-02", [visit("2026-03-01")], [1, 0, 0, 0]],
    ["66 on the first day", "1960-01-01", [visit("2026-03-01")], [0, 0, 0, 0]],
    ["no outpatient visit", "1990-01-01", [], [0, 0, 0, 0]],
    ["test on the 15th birthday counts", "1995-06-01", [visit("2026-03-01"), hivTest("2010-06-01")], [1, 0, 1, 0]],
    ["test the day before the 15th birthday", "1995-06-01", [visit("2026-03-01"), hivTest("2010-05-31")], [1, 0, 0, 0]],
    ["test at 66 does not count", "1960-06-01", [visit("2026-03-01"), hivTest("2026-06-01")], [1, 0, 0, 0]],
    ["test without a result", "1990-01-01", [visit("2026-03-01"), hivTest("2026-04-01", { valueCodeableConcept: undefined })], [1, 0, 0, 0]],
    ["test cancelled", "1990-01-01", [visit("2026-03-01"), hivTest("2026-04-01", { status: "cancelled" })], [1, 0, 0, 0]],
    ["test on the last day of the period does not start before it", "1990-01-01", [visit("2026-03-01"), hivTest("2026-12-31")], [1, 0, 0, 0]],
    ["test not a laboratory observation", "1990-01-01", [visit("2026-03-01"), hivTest("2026-04-01", { category: [] })], [1, 0, 0, 0]],
    ["HIV diagnosed the day before the period excludes", "1990-01-01", [visit("2026-03-01"), hiv("2025-12-31")], [1, 1, 0, 0]],
    ["HIV diagnosed on the first day does not", "1990-01-01", [visit("2026-03-01"), hiv("2026-01-01")], [1, 0, 0, 0]],
    ["refuted HIV diagnosis does not", "1990-01-01", [visit("2026-03-01"), hiv("2020-01-01", "refuted")], [1, 0, 0, 0]],
  ])("%s", (_name, birthDate, resources, expected) => {
    expect(run(mp26, birthDate, resources as object[])).toEqual(expected);
  });

  test("died in the period without a test: denominator exception", () => {
    expect(run(mp26, "1990-01-01", [visit("2026-03-01")], { deceasedDateTime: "2026-06-01" })).toEqual([1, 0, 0, 1]);
  });
});

describe("CMS349v7 (2025)", () => {
  test("a test on the last day of the period still counts", () => {
    expect(run(mp25, "1990-01-01", [visit("2025-03-01"), hivTest("2025-12-31")])).toEqual([1, 0, 1, 0]);
  });
  test("any Observation with the code counts (no laboratory category needed)", () => {
    expect(run(mp25, "1990-01-01", [visit("2025-03-01"), hivTest("2025-04-01", { category: [] })])).toEqual([1, 0, 1, 0]);
  });
  test("no death exception", () => {
    expect(run(mp25, "1990-01-01", [visit("2025-03-01")], { deceasedDateTime: "2025-06-01" })).toEqual([1, 0, 0, 0]);
  });
  test("an entered-in-error diagnosis still excludes (only refuted is dropped)", () => {
    expect(run(mp25, "1990-01-01", [visit("2025-03-01"), hiv("2020-01-01", "entered-in-error")])).toEqual([1, 1, 0, 0]);
  });
});
