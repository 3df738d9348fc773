import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import { toQmFacts } from "../to-qm-facts";

/** CMS125 boundaries from the specification: ages, the October-1 look-back edge, mastectomy laterality, negation, 2025 vs 2026. */
const mp2026 = { start: "2026-01-01", end: "2026-12-31" };
const mp2025 = { start: "2025-01-01", end: "2025-12-31" };
const snomed = "http://snomed.info/sct";
const visit = (year: number) => ({
  resourceType: "Encounter", id: `v${year}`, status: "finished", type: [{ coding: [{ system: "http://www.ama-assn.org/go/cpt", code: "99213" }] }],
  period: { start: `${year}-03-01T09:00:00Z`, end: `${year}-03-01T09:30:00Z` },
});
const imaging = [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "imaging" }] }];
const mammogram = (date: string, extra: object = {}) => ({
  resourceType: "Observation", id: `m${date}`, status: "final", category: imaging, code: { coding: [{ system: "http://loinc.org", code: "24606-6" }] }, effectiveDateTime: date, ...extra,
});
const condition = (system: string, code: string, extra: object = {}) => ({ resourceType: "Condition", id: `c${code}`, code: { coding: [{ system, code }] }, onsetDateTime: "2015-06-01", ...extra });
const procedure = (code: string, date = "2015-06-01", status = "completed") => ({ resourceType: "Procedure", id: `p${code}`, status, code: { coding: [{ system: snomed, code }] }, performedDateTime: date });
const rightProcedure = procedure("429400009");
const unspecifiedSide = (side?: string) => condition("http://hl7.org/fhir/sid/icd-10-cm", "Z90.10", side ? { bodySite: [{ coding: [{ system: snomed, code: side }] }] } : {});
const women = { gender: "female", extension: [{ url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex", valueCode: "248152002" }] };

const run = (mp: typeof mp2026, birthDate: string, resources: object[], patient: object = women) => {
  const facts = toQmFacts([{ resourceType: "Patient", id: "p", birthDate, ...patient }, ...resources])!;
  const g = evaluateQualityMeasure(facts, selectQualityMeasure("CMS125", mp)!, mp).groups[0]!;
  return [g["initial-population"], g["denominator-exclusion"], g.numerator];
};
const v = visit(2026);

describe("CMS125v14 (2026)", () => {
  test.each([
    ["42 on the last day of the period", "1984-12-31", [v], [1, 0, 0]],
    ["41 at the end of the period", "1985-01-01", [v], [0, 0, 0]],
    ["74 at the end", "1952-01-01", [v], [1, 0, 0]],
    ["75 at the end", "1951-12-31", [v], [0, 0, 0]],
    ["no qualifying visit", "1970-01-01", [visit(2025)], [0, 0, 0]],
    ["mammogram on October 1 two years before the period", "1970-01-01", [v, mammogram("2024-10-01")], [1, 0, 1]],
    ["mammogram the day before", "1970-01-01", [v, mammogram("2024-09-30")], [1, 0, 0]],
    ["mammogram not final", "1970-01-01", [v, mammogram("2026-05-01", { status: "cancelled" })], [1, 0, 0]],
    ["mammogram without the imaging category", "1970-01-01", [v, mammogram("2026-05-01", { category: [] })], [1, 0, 0]],
    ["bilateral mastectomy excludes", "1970-01-01", [v, procedure("52314009")], [1, 1, 0]],
    ["bilateral mastectomy after the period does not", "1970-01-01", [v, procedure("52314009", "2027-01-02")], [1, 0, 0]],
    ["bilateral mastectomy not done does not", "1970-01-01", [v, procedure("52314009", "2015-06-01", "not-done")], [1, 0, 0]],
    ["history of bilateral mastectomy excludes", "1970-01-01", [v, condition("http://hl7.org/fhir/sid/icd-10-cm", "Z90.13")], [1, 1, 0]],
    ["a refuted history does not", "1970-01-01", [v, condition("http://hl7.org/fhir/sid/icd-10-cm", "Z90.13", { verificationStatus: { coding: [{ code: "refuted" }] } })], [1, 0, 0]],
    ["right mastectomy alone does not", "1970-01-01", [v, rightProcedure], [1, 0, 0]],
    ["right procedure and a left unilateral diagnosis excludes", "1970-01-01", [v, rightProcedure, unspecifiedSide("7771000")], [1, 1, 0]],
    ["right procedure and a unilateral diagnosis with no side does not", "1970-01-01", [v, rightProcedure, unspecifiedSide()], [1, 0, 0]],
    ["status post left plus right procedure excludes", "1970-01-01", [v, rightProcedure, condition("http://hl7.org/fhir/sid/icd-10-cm", "Z90.12")], [1, 1, 0]],
    ["female by gender only (no US Core sex extension sent): gender stands in", "1970-01-01", [v], [1, 0, 0], { gender: "female", extension: [] }],
    ["the US Core sex extension says male: not in the population whatever the gender", "1970-01-01", [v], [0, 0, 0], { gender: "female", extension: [{ url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex", valueCode: "248153007" }] }],
  ])("%s", (_name, birthDate, resources, expected, patient?: object) => {
    expect(run(mp2026, birthDate, resources as object[], patient)).toEqual(expected);
  });
});

describe("CMS125v13 (2025)", () => {
  const v25 = visit(2025);
  test.each([
    ["52 at the end of 2025", "1973-12-31", [v25], [1, 0, 0], women],
    ["51 at the end of 2025 is below the 2025 range (2026 starts at 42)", "1974-01-01", [v25], [0, 0, 0], women],
    ["Patient.gender female is enough without the sex extension", "1965-01-01", [v25], [1, 0, 0], { gender: "female" }],
    ["mammogram on October 1, 2023 counts", "1965-01-01", [v25, mammogram("2023-10-01")], [1, 0, 1], women],
    ["a mammogram without the imaging category still counts", "1965-01-01", [v25, mammogram("2025-05-01", { category: [] })], [1, 0, 1], women],
  ])("%s", (_name, birthDate, resources, expected, patient) => {
    expect(run(mp2025, birthDate, resources as object[], patient)).toEqual(expected);
  });
});
