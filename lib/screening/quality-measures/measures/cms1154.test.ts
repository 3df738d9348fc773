import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import { toQmFacts } from "../to-qm-facts";

/** CMS1154 boundaries from the specification: age at the period's start, visit counts, the BMI threshold (23 for Asian patients), the 2-year look-back. */
const mp = { start: "2026-01-01", end: "2026-12-31" };
const cms1154 = selectQualityMeasure("CMS1154", mp)!;
const cpt = "http://www.ama-assn.org/go/cpt";
const encounter = (code: string, day: string) =>
  ({ resourceType: "Encounter", id: `e${code}${day}`, status: "finished", type: [{ coding: [{ system: cpt, code }] }], period: { start: `${day}T09:00:00Z`, end: `${day}T09:30:00Z` } });
const preventive = encounter("99396", "2026-02-01");
const office = (day: string) => encounter("99213", day);
const bmi = (value: number, date = "2026-02-01") => ({
  resourceType: "Observation", id: `b${value}${date}`, status: "final", code: { coding: [{ system: "http://loinc.org", code: "39156-5" }] },
  effectiveDateTime: date, valueQuantity: { value, unit: "kg/m2", system: "http://unitsofmeasure.org", code: "kg/m2" },
});
const a1c = (date: string, status = "final") => ({
  resourceType: "Observation", id: `a${date}`, status, category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }],
  code: { coding: [{ system: "http://loinc.org", code: "4548-4" }] }, effectiveDateTime: date,
});
const condition = (system: string, code: string, onset: string, abatement?: string) => ({
  resourceType: "Condition", id: `c${code}${onset}`, code: { coding: [{ system, code }] }, onsetDateTime: onset,
  ...(abatement ? { abatementDateTime: abatement, clinicalStatus: { coding: [{ code: "resolved" }] } } : { clinicalStatus: { coding: [{ code: "active" }] } }),
});
const icd = "http://hl7.org/fhir/sid/icd-10-cm";
const asian = { extension: [{ url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race", extension: [{ url: "ombCategory", valueCoding: { system: "urn:oid:2.16.840.1.113883.6.238", code: "2028-9" } }] }] };
const run = (birthDate: string, resources: object[], patient: object = {}) => {
  const g = evaluateQualityMeasure(toQmFacts([{ resourceType: "Patient", id: "p", gender: "female", birthDate, ...patient }, ...resources])!, cms1154, mp).groups[0]!;
  return [g["initial-population"], g["denominator-exclusion"], g.numerator];
};
const base = [preventive, bmi(27)];

describe("CMS1154v1", () => {
  test.each([
    ["35 on the first day of the period", "1991-01-01", base, [1, 0, 0]],
    ["34 on the first day", "1991-01-02", base, [0, 0, 0]],
    ["70 on the first day", "1955-01-02", base, [1, 0, 0]],
    ["71 on the first day", "1955-01-01", base, [0, 0, 0]],
    ["two office visits qualify", "1970-01-01", [office("2026-02-01"), office("2026-05-01"), bmi(27)], [1, 0, 0]],
    ["one office visit does not", "1970-01-01", [office("2026-02-01"), bmi(27)], [0, 0, 0]],
    ["BMI 25 qualifies", "1970-01-01", [preventive, bmi(25)], [1, 0, 0]],
    ["BMI 24.9 does not", "1970-01-01", [preventive, bmi(24.9)], [0, 0, 0]],
    ["the most recent BMI decides", "1970-01-01", [preventive, bmi(30, "2026-02-01"), bmi(22, "2026-06-01")], [0, 0, 0]],
    ["HbA1c in the period", "1970-01-01", [...base, a1c("2026-12-31")], [1, 0, 1]],
    ["HbA1c cancelled does not count", "1970-01-01", [...base, a1c("2026-06-01", "cancelled")], [1, 0, 0]],
    ["HbA1c on the first day of the 2-year look-back excludes", "1970-01-01", [...base, a1c("2024-01-01")], [1, 1, 0]],
    ["HbA1c the day before the look-back does not", "1970-01-01", [...base, a1c("2023-12-31")], [1, 0, 0]],
    ["prediabetes resolved on the first day of the look-back excludes", "1970-01-01", [...base, condition(icd, "R73.03", "2020-01-01", "2024-01-01")], [1, 1, 0]],
    ["prediabetes resolved the day before the look-back does not", "1970-01-01", [...base, condition(icd, "R73.03", "2020-01-01", "2023-12-31")], [1, 0, 0]],
    ["diabetes first diagnosed in the period does not", "1970-01-01", [...base, condition(icd, "E11.9", "2026-03-01")], [1, 0, 0]],
    ["pregnancy in the period excludes", "1990-01-01", [...base, condition("http://snomed.info/sct", "77386006", "2026-03-01")], [1, 1, 0]],
    ["limited life expectancy before the last day excludes", "1970-01-01", [...base, condition("http://snomed.info/sct", "162607003", "2026-12-30")], [1, 1, 0]],
    ["limited life expectancy on the last day does not", "1970-01-01", [...base, condition("http://snomed.info/sct", "162607003", "2026-12-31")], [1, 0, 0]],
  ])("%s", (_name, birthDate, resources, expected) => {
    expect(run(birthDate, resources as object[])).toEqual(expected);
  });

  test("Asian patients: BMI 23 qualifies", () => {
    expect(run("1970-01-01", [preventive, bmi(23)], asian)).toEqual([1, 0, 0]);
    expect(run("1970-01-01", [preventive, bmi(23)])).toEqual([0, 0, 0]);
  });
});
