import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import { toQmFacts } from "../to-qm-facts";

/** CMS130 boundaries from the specification: ages at the period's end, each look-back edge, exclusions, negation. */
const mp = { start: "2026-01-01", end: "2026-12-31" };
const cms130 = selectQualityMeasure("CMS130", mp)!;
const visit = { resourceType: "Encounter", id: "v", status: "finished", type: [{ coding: [{ system: "http://www.ama-assn.org/go/cpt", code: "99213" }] }], period: { start: "2026-03-01T09:00:00Z", end: "2026-03-01T09:30:00Z" } };
const lab = (code: string, date: string, extra: object = {}) => ({
  resourceType: "Observation", id: `o${code}${date}`, status: "final", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }],
  code: { coding: [{ system: "http://loinc.org", code }] }, effectiveDateTime: date, valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: "260385009" }] }, ...extra,
});
const procedure = (system: string, code: string, end: string, status = "completed") =>
  ({ resourceType: "Procedure", id: `p${code}${end}`, status, code: { coding: [{ system, code }] }, performedPeriod: { start: end, end } });
const colonoscopy = (end: string, status?: string) => procedure("http://www.ama-assn.org/go/cpt", "45378", end, status);
const run = (birthDate: string, resources: object[]) => {
  const groups = evaluateQualityMeasure(toQmFacts([{ resourceType: "Patient", id: "p", gender: "male", birthDate }, ...resources])!, cms130, mp).groups[0]!;
  return [groups["initial-population"], groups["denominator-exclusion"], groups.numerator];
};

describe("CMS130v14", () => {
  test.each([
    ["46 on the last day of the period", "1980-12-31", [visit], [1, 0, 0]],
    ["45 at the end of the period", "1981-01-01", [visit], [0, 0, 0]],
    ["75 at the end", "1951-01-01", [visit], [1, 0, 0]],
    ["76 at the end", "1950-12-31", [visit], [0, 0, 0]],
    ["no qualifying visit", "1960-01-01", [], [0, 0, 0]],
    ["colonoscopy on the first day of the 9-year look-back", "1960-01-01", [visit, colonoscopy("2017-01-01")], [1, 0, 1]],
    ["colonoscopy the day before", "1960-01-01", [visit, colonoscopy("2016-12-31")], [1, 0, 0]],
    ["colonoscopy not done", "1960-01-01", [visit, colonoscopy("2020-01-01", "not-done")], [1, 0, 0]],
    ["FOBT in the period", "1960-01-01", [visit, lab("2335-8", "2026-05-01")], [1, 0, 1]],
    ["FOBT the year before", "1960-01-01", [visit, lab("2335-8", "2025-12-31")], [1, 0, 0]],
    ["FOBT without a result", "1960-01-01", [visit, lab("2335-8", "2026-05-01", { valueCodeableConcept: undefined })], [1, 0, 0]],
    ["FOBT not a laboratory observation", "1960-01-01", [visit, lab("2335-8", "2026-05-01", { category: [] })], [1, 0, 0]],
    ["sDNA-FIT 2 years before the period", "1960-01-01", [visit, lab("77353-1", "2024-01-01")], [1, 0, 1]],
    ["total colectomy before the end of the period excludes", "1960-01-01", [visit, procedure("http://www.ama-assn.org/go/cpt", "44150", "2010-01-01")], [1, 1, 0]],
  ])("%s", (_name, birthDate, resources, expected) => {
    expect(run(birthDate, resources as object[])).toEqual(expected);
  });
});
