import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import { toQmFacts } from "../to-qm-facts";

/** CMS124 boundaries from the specification: ages, the cytology and HPV look-back edges, HPV age at test, exclusions, 2025 vs 2026. */
const mp2026 = { start: "2026-01-01", end: "2026-12-31" };
const mp2025 = { start: "2025-01-01", end: "2025-12-31" };
const visit = (year: number, system = "http://www.ama-assn.org/go/cpt", code = "99213") => ({
  resourceType: "Encounter", id: `v${year}${code}`, status: "finished", type: [{ coding: [{ system, code }] }],
  period: { start: `${year}-03-01T09:00:00Z`, end: `${year}-03-01T09:30:00Z` },
});
const laboratory = [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }];
const lab = (code: string, date: string, extra: object = {}) => ({
  resourceType: "Observation", id: `o${code}${date}`, status: "final", category: laboratory, code: { coding: [{ system: "http://loinc.org", code }] },
  effectiveDateTime: date, valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: "260385009" }] }, ...extra,
});
const cytology = (date: string, extra?: object) => lab("10524-7", date, extra);
const hpv = (date: string, extra?: object) => lab("21440-3", date, extra);
const women = { gender: "female", extension: [{ url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex", valueCode: "248152002" }] };

const run = (mp: typeof mp2026, birthDate: string, resources: object[], patient: object = women) => {
  const facts = toQmFacts([{ resourceType: "Patient", id: "p", birthDate, ...patient }, ...resources])!;
  const g = evaluateQualityMeasure(facts, selectQualityMeasure("CMS124", mp)!, mp).groups[0]!;
  return [g["initial-population"], g["denominator-exclusion"], g.numerator];
};
const v = visit(2026);

describe("CMS124v14 (2026)", () => {
  test.each([
    ["24 on the last day of the period", "2002-12-31", [v], [1, 0, 0]],
    ["23 at the end of the period", "2003-01-01", [v], [0, 0, 0]],
    ["64 at the end", "1962-01-01", [v], [1, 0, 0]],
    ["65 at the end", "1961-12-31", [v], [0, 0, 0]],
    ["an annual wellness visit is not a qualifying visit here", "1980-01-01", [visit(2026, "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets", "G0438")], [0, 0, 0]],
    ["cytology on the first day of the 3-year window", "1980-01-01", [v, cytology("2024-01-01")], [1, 0, 1]],
    ["cytology the day before", "1980-01-01", [v, cytology("2023-12-31")], [1, 0, 0]],
    ["cytology with no result", "1980-01-01", [v, cytology("2026-05-01", { valueCodeableConcept: undefined })], [1, 0, 0]],
    ["cytology not final", "1980-01-01", [v, cytology("2026-05-01", { status: "preliminary" })], [1, 0, 0]],
    ["cytology without the laboratory category still counts in 2026", "1980-01-01", [v, cytology("2026-05-01", { category: [] })], [1, 0, 1]],
    ["HPV on the first day of the 5-year window", "1980-01-01", [v, hpv("2022-01-01")], [1, 0, 1]],
    ["HPV the day before", "1980-01-01", [v, hpv("2021-12-31")], [1, 0, 0]],
    ["HPV on the 30th birthday", "1995-06-15", [v, hpv("2025-06-15")], [1, 0, 1]],
    ["HPV the day before turning 30", "1995-06-15", [v, hpv("2025-06-14")], [1, 0, 0]],
    ["hysterectomy with no residual cervix excludes", "1980-01-01", [v, { resourceType: "Procedure", id: "h", status: "completed", code: { coding: [{ system: "http://www.ama-assn.org/go/cpt", code: "58150" }] }, performedDateTime: "2019-04-01" }], [1, 1, 0]],
    ["acquired absence of cervix excludes", "1980-01-01", [v, { resourceType: "Condition", id: "a", code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "Z90.710" }] }, onsetDateTime: "2019-04-01" }], [1, 1, 0]],
    ["a refuted absence of cervix does not", "1980-01-01", [v, { resourceType: "Condition", id: "a", code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "Z90.710" }] }, verificationStatus: { coding: [{ code: "refuted" }] }, onsetDateTime: "2019-04-01" }], [1, 0, 0]],
    ["female by gender only (no US Core sex extension sent): gender stands in", "1980-01-01", [v], [1, 0, 0], { gender: "female", extension: [] }],
    ["the US Core sex extension says male: not in the population whatever the gender", "1980-01-01", [v], [0, 0, 0], { gender: "female", extension: [{ url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex", valueCode: "248153007" }] }],
  ])("%s", (_name, birthDate, resources, expected, patient?: object) => {
    expect(run(mp2026, birthDate, resources as object[], patient)).toEqual(expected);
  });
});

describe("CMS124v13 (2025)", () => {
  const v25 = visit(2025);
  test.each([
    ["Patient.gender female is enough without the sex extension", "1980-01-01", [v25], [1, 0, 0], { gender: "female" }],
    ["cytology on the first day of the 2025 window", "1980-01-01", [v25, cytology("2023-01-01")], [1, 0, 1], women],
    ["cytology must be a laboratory observation in 2025", "1980-01-01", [v25, cytology("2025-05-01", { category: [] })], [1, 0, 0], women],
  ])("%s", (_name, birthDate, resources, expected, patient) => {
    expect(run(mp2025, birthDate, resources as object[], patient)).toEqual(expected);
  });
});
