import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import type { MeasurementPeriod } from "../qm-facts";
import { toQmFacts } from "../to-qm-facts";

/**
 * CMS122 boundaries from the specification (inverse measure: numerator = poor control): ages at the
 * period's end, the most recent HbA1c/GMI of the period and the lowest of its day, a missing result,
 * a cancelled test, exclusion, and the v13 → v14 visit lists.
 */
const mp26 = { start: "2026-01-01", end: "2026-12-31" };
const mp25 = { start: "2025-01-01", end: "2025-12-31" };
const encounter = (system: string, code: string, day: string, status = "finished") =>
  ({ resourceType: "Encounter", id: `e${code}${day}`, status, type: [{ coding: [{ system, code }] }], period: { start: `${day}T09:00:00Z`, end: `${day}T09:30:00Z` } });
const visit = (day = "2026-03-01") => encounter("http://www.ama-assn.org/go/cpt", "99213", day);
const diabetes = { resourceType: "Condition", id: "dm", clinicalStatus: { coding: [{ code: "active" }] }, code: { coding: [{ system: "http://snomed.info/sct", code: "44054006" }] }, onsetDateTime: "2015-01-01" };
const a1c = (day: string, value: number | null, extra: object = {}) => ({
  resourceType: "Observation", id: `a${day}${value}`, status: "final", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }],
  code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] }, effectiveDateTime: day,
  ...(value === null ? {} : { valueQuantity: { value, unit: "%", system: "http://unitsofmeasure.org", code: "%" } }), ...extra,
});
const gmi = (day: string, value: number) => ({ ...a1c(day, value), id: `g${day}`, code: { coding: [{ system: "http://loinc.org", code: "97506-0" }] } });
const hospice = encounter("http://snomed.info/sct", "183919006", "2026-06-01");

const run = (mp: MeasurementPeriod, birthDate: string, resources: object[]) => {
  const measure = selectQualityMeasure("CMS122", mp)!;
  const g = evaluateQualityMeasure(toQmFacts([{ resourceType: "Patient", id: "p", gender: "female", birthDate }, ...resources])!, measure, mp).groups[0]!;
  return [g["initial-population"], g["denominator-exclusion"], g.numerator];
};

describe("CMS122v14", () => {
  test.each([
    ["18 on the last day of the period, no test: numerator", "2008-12-31", [visit(), diabetes], [1, 0, 1]],
    ["17 at the end of the period", "2009-01-01", [visit(), diabetes], [0, 0, 0]],
    ["75 at the end", "1951-01-01", [visit(), diabetes], [1, 0, 1]],
    ["76 at the end", "1950-12-31", [visit(), diabetes], [0, 0, 0]],
    ["no diabetes", "1970-01-01", [visit()], [0, 0, 0]],
    ["visit not finished", "1970-01-01", [encounter("http://www.ama-assn.org/go/cpt", "99213", "2026-03-01", "in-progress"), diabetes], [0, 0, 0]],
    ["HbA1c 9.0% is not above 9", "1970-01-01", [visit(), diabetes, a1c("2026-05-01", 9)], [1, 0, 0]],
    ["HbA1c 9.1%", "1970-01-01", [visit(), diabetes, a1c("2026-05-01", 9.1)], [1, 0, 1]],
    ["most recent wins: 10% then 7%", "1970-01-01", [visit(), diabetes, a1c("2026-02-01", 10), a1c("2026-11-01", 7)], [1, 0, 0]],
    ["most recent wins: 7% then 10%", "1970-01-01", [visit(), diabetes, a1c("2026-02-01", 7), a1c("2026-11-01", 10)], [1, 0, 1]],
    ["lowest reading of the most recent day", "1970-01-01", [visit(), diabetes, a1c("2026-11-01", 10), gmi("2026-11-01", 8)], [1, 0, 0]],
    ["GMI above 9", "1970-01-01", [visit(), diabetes, gmi("2026-11-01", 9.5)], [1, 0, 1]],
    ["most recent test without a result", "1970-01-01", [visit(), diabetes, a1c("2026-02-01", 7), a1c("2026-11-01", null)], [1, 0, 1]],
    ["test only in the year before the period", "1970-01-01", [visit(), diabetes, a1c("2025-12-31", 7)], [1, 0, 1]],
    ["cancelled test does not count", "1970-01-01", [visit(), diabetes, a1c("2026-05-01", 7, { status: "cancelled" })], [1, 0, 1]],
    ["medical nutrition therapy visit qualifies", "1970-01-01", [encounter("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "G0270", "2026-03-01"), diabetes], [1, 0, 1]],
    ["virtual encounter no longer qualifies", "1970-01-01", [encounter("http://www.ama-assn.org/go/cpt", "99421", "2026-03-01"), diabetes], [0, 0, 0]],
    ["hospice excludes", "1970-01-01", [visit(), diabetes, hospice], [1, 1, 0]],
  ])("%s", (_name, birthDate, resources, expected) => {
    expect(run(mp26, birthDate, resources as object[])).toEqual(expected);
  });
});

describe("CMS122v13 (2025)", () => {
  test.each([
    ["virtual encounter qualifies", [encounter("http://www.ama-assn.org/go/cpt", "99421", "2025-03-01"), diabetes], [1, 0, 1]],
    ["medical nutrition therapy code alone does not", [encounter("http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "G0270", "2025-03-01"), diabetes], [0, 0, 0]],
    ["lab result must be a laboratory observation", [visit("2025-03-01"), diabetes, a1c("2025-05-01", 7, { category: [] })], [1, 0, 1]],
    ["HbA1c 7% in the period", [visit("2025-03-01"), diabetes, a1c("2025-05-01", 7)], [1, 0, 0]],
  ])("%s", (_name, resources, expected) => {
    expect(selectQualityMeasure("CMS122", mp25)!.version).toBe("CMS122v13");
    expect(run(mp25, "1970-01-01", resources as object[])).toEqual(expected);
  });
});
