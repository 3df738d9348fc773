import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import { toQmFacts } from "../to-qm-facts";

/**
 * CMS69 boundaries from the specification: 18+ on the day of an in-person visit, normal BMI 18.5 to
 * under 25, a follow-up tied to the weight diagnosis, pregnancy exclusion, and not-done requests that
 * count only as exceptions on the visit's day.
 */
const mp = { start: "2026-01-01", end: "2026-12-31" };
const cms69 = selectQualityMeasure("CMS69", mp)!;
const sct = "http://snomed.info/sct";
const visitDay = "2026-03-10";
const visit = (day = visitDay, classCode = "AMB") => ({
  resourceType: "Encounter", id: `e${day}${classCode}`, status: "finished", class: { code: classCode },
  type: [{ coding: [{ system: "http://www.ama-assn.org/go/cpt", code: "99213" }] }], period: { start: `${day}T09:00:00Z`, end: `${day}T09:30:00Z` },
});
const bmi = (value: number, quantity: object = { system: "http://unitsofmeasure.org", code: "kg/m2" }) => ({
  resourceType: "Observation", id: `b${value}`, status: "final", code: { coding: [{ system: "http://loinc.org", code: "39156-5" }] },
  effectiveDateTime: `${visitDay}T09:10:00Z`, valueQuantity: { value, unit: "kg/m2", ...quantity },
});
const obese = { coding: [{ system: sct, code: "162864005" }] }; // in Overweight or Obese
const medicalReason = { coding: [{ system: sct, code: "183932001" }] }; // procedure contraindicated
const dietEducation = (reasonCode: object[] = [obese], extra: object = {}) => ({
  resourceType: "Procedure", id: "diet", status: "completed", code: { coding: [{ system: sct, code: "11816003" }] }, performedDateTime: `${visitDay}T09:20:00Z`, reasonCode, ...extra,
});
const referralNotRequested = (day = visitDay) => ({
  resourceType: "ServiceRequest", id: `r${day}`, status: "completed", intent: "order", doNotPerform: true,
  code: { coding: [{ system: sct, code: "103699006" }] }, authoredOn: `${day}T09:25:00Z`,
  extension: [{ url: "http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-doNotPerformReason", valueCodeableConcept: medicalReason }],
});
const bmiDeclined = {
  resourceType: "Observation", id: "declined", status: "cancelled", code: { coding: [{ system: "http://loinc.org", code: "39156-5" }] }, effectiveDateTime: `${visitDay}T09:05:00Z`,
  extension: [{ url: "http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-notDoneReason", valueCodeableConcept: { coding: [{ system: sct, code: "183945002" }] } }],
};
const obesity = (onset: string, abatement?: string) => ({
  resourceType: "Condition", id: "obese", code: obese, onsetDateTime: onset,
  clinicalStatus: { coding: [{ code: abatement ? "inactive" : "active" }] }, ...(abatement ? { abatementDateTime: abatement } : {}),
});
const pregnancy = { resourceType: "Condition", id: "preg", code: { coding: [{ system: sct, code: "77386006" }] }, onsetDateTime: "2026-02-01", clinicalStatus: { coding: [{ code: "active" }] } };

const run = (birthDate: string, resources: object[]) => {
  const g = evaluateQualityMeasure(toQmFacts([{ resourceType: "Patient", id: "p", gender: "female", birthDate }, ...resources])!, cms69, mp).groups[0]!;
  return [g["initial-population"], g["denominator-exclusion"], g.numerator, g["denominator-exception"]];
};

describe("CMS69v14", () => {
  test.each([
    ["18 on the day of the visit", "2008-03-10", [visit(), bmi(22)], [1, 0, 1, 0]],
    ["17 on the day of the visit (18 the next day)", "2008-03-11", [visit(), bmi(22)], [0, 0, 0, 0]],
    ["a virtual visit does not qualify", "1980-01-01", [visit(visitDay, "VR"), bmi(22)], [0, 0, 0, 0]],
    ["BMI 18.5 is normal", "1980-01-01", [visit(), bmi(18.5)], [1, 0, 1, 0]],
    ["BMI 24.9 is normal", "1980-01-01", [visit(), bmi(24.9)], [1, 0, 1, 0]],
    ["BMI 25 needs a follow-up", "1980-01-01", [visit(), bmi(25)], [1, 0, 0, 0]],
    ["a BMI whose unit is text only is not computable", "1980-01-01", [visit(), bmi(22, {})], [1, 0, 0, 0]],
    ["high BMI with diet education for obesity", "1980-01-01", [visit(), bmi(31), dietEducation()], [1, 0, 1, 0]],
    ["diet education with no weight reason or diagnosis", "1980-01-01", [visit(), bmi(31), dietEducation([])], [1, 0, 0, 0]],
    ["diet education while the obesity diagnosis is current", "1980-01-01", [visit(), bmi(31), dietEducation([]), obesity("2025-05-01")], [1, 0, 1, 0]],
    ["diet education after the obesity diagnosis ended", "1980-01-01", [visit(), bmi(31), dietEducation([]), obesity("2025-05-01", "2026-03-09")], [1, 0, 0, 0]],
    ["diet education not done never counts as a follow-up", "1980-01-01", [visit(), bmi(31), dietEducation([obese], { status: "not-done" })], [1, 0, 0, 0]],
    ["referral not requested for a medical reason on the visit day is an exception", "1980-01-01", [visit(), bmi(31), referralNotRequested()], [1, 0, 0, 1]],
    ["the same refusal on another day is not", "1980-01-01", [visit(), bmi(31), referralNotRequested("2026-03-11")], [1, 0, 0, 0]],
    ["BMI declined on the visit day is an exception", "1980-01-01", [visit(), bmiDeclined], [1, 0, 0, 1]],
    ["pregnancy in the period excludes", "1990-01-01", [visit(), bmi(31), pregnancy], [1, 1, 0, 0]],
  ])("%s", (_name, birthDate, resources, expected) => {
    expect(run(birthDate, resources as object[])).toEqual(expected);
  });
});
