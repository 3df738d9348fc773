import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import type { MeasurementPeriod } from "../qm-facts";
import { toQmFacts } from "../to-qm-facts";

/**
 * CMS131 boundaries from the specification: ages at the period's end, the exam look-back that
 * retinopathy in the period shortens, an exam that is not an exam observation, the v14 per-eye
 * severity findings, autonomous exam and anophthalmos exclusion that v13 does not have.
 */
const mp26 = { start: "2026-01-01", end: "2026-12-31" };
const mp25 = { start: "2025-01-01", end: "2025-12-31" };
const visit = (day = "2026-03-01") =>
  ({ resourceType: "Encounter", id: `v${day}`, status: "finished", type: [{ coding: [{ system: "http://www.ama-assn.org/go/cpt", code: "99213" }] }], period: { start: `${day}T09:00:00Z`, end: `${day}T09:30:00Z` } });
const condition = (id: string, system: string, code: string, onset: string) =>
  ({ resourceType: "Condition", id, clinicalStatus: { coding: [{ code: "active" }] }, code: { coding: [{ system, code }] }, onsetDateTime: onset });
const diabetes = condition("dm", "http://snomed.info/sct", "44054006", "2015-01-01");
const retinopathy = (onset = "2020-01-01") => condition("dr", "http://snomed.info/sct", "4855003", onset);
const anophthalmos = condition("ae", "http://snomed.info/sct", "15665641000119103", "2000-01-01");
let n = 0;
const exam = (system: string, code: string, day: string, extra: object = {}) => ({
  resourceType: "Observation", id: `o${++n}`, status: "final", category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "exam" }] }],
  code: { coding: [{ system, code }] }, effectiveDateTime: day, ...extra,
});
const retinalExam = (day: string, extra: object = {}) => exam("http://snomed.info/sct", "252779009", day, extra);
const eye = (side: "left" | "right", day: string, answer: string) =>
  exam("http://loinc.org", side === "left" ? "71490-7" : "71491-5", day, { valueCodeableConcept: { coding: [{ system: "http://loinc.org", code: answer }] } });
const [noRetinopathy, moderate] = ["LA18643-9", "LA18645-4"];
const autonomous = (day: string) => exam("http://loinc.org", "105914-6", day, { valueCodeableConcept: { coding: [{ system: "http://loinc.org", code: "LA34398-0" }] } });

const run = (mp: MeasurementPeriod, birthDate: string, resources: object[]) => {
  const measure = selectQualityMeasure("CMS131", mp)!;
  const g = evaluateQualityMeasure(toQmFacts([{ resourceType: "Patient", id: "p", gender: "male", birthDate }, ...resources])!, measure, mp).groups[0]!;
  return [g["initial-population"], g["denominator-exclusion"], g.numerator];
};
const adult = "1970-01-01";

describe("CMS131v14", () => {
  test.each([
    ["18 on the last day of the period", "2008-12-31", [visit(), diabetes], [1, 0, 0]],
    ["17 at the end of the period", "2009-01-01", [visit(), diabetes], [0, 0, 0]],
    ["76 at the end", "1950-12-31", [visit(), diabetes], [0, 0, 0]],
    ["no diabetes", adult, [visit()], [0, 0, 0]],
    ["exam in the period", adult, [visit(), diabetes, retinalExam("2026-12-31")], [1, 0, 1]],
    ["no retinopathy: exam on the first day of the year before", adult, [visit(), diabetes, retinalExam("2025-01-01")], [1, 0, 1]],
    ["no retinopathy: exam the day before that", adult, [visit(), diabetes, retinalExam("2024-12-31")], [1, 0, 0]],
    ["retinopathy in the period: exam the year before does not count", adult, [visit(), diabetes, retinopathy(), retinalExam("2025-06-01")], [1, 0, 0]],
    ["retinopathy only after the period: exam the year before counts", adult, [visit(), diabetes, retinopathy("2027-01-01"), retinalExam("2025-06-01")], [1, 0, 1]],
    ["exam not recorded as an exam observation", adult, [visit(), diabetes, retinalExam("2026-05-01", { category: [] })], [1, 0, 0]],
    ["exam cancelled", adult, [visit(), diabetes, retinalExam("2026-05-01", { status: "cancelled" })], [1, 0, 0]],
    ["autonomous AI exam in the period", adult, [visit(), diabetes, autonomous("2026-05-01")], [1, 0, 1]],
    ["retinopathy severity found in both eyes in the period", adult, [visit(), diabetes, eye("left", "2026-05-01", moderate), eye("right", "2026-05-01", moderate)], [1, 0, 1]],
    ["one eye in the period, the other clear the year before", adult, [visit(), diabetes, eye("left", "2026-05-01", moderate), eye("right", "2025-05-01", noRetinopathy)], [1, 0, 1]],
    ["one eye only", adult, [visit(), diabetes, eye("left", "2026-05-01", moderate)], [1, 0, 0]],
    ["both eyes clear the year before", adult, [visit(), diabetes, eye("left", "2025-12-31", noRetinopathy), eye("right", "2025-01-01", noRetinopathy)], [1, 0, 1]],
    ["both eyes clear two years before", adult, [visit(), diabetes, eye("left", "2024-12-31", noRetinopathy), eye("right", "2025-01-01", noRetinopathy)], [1, 0, 0]],
    ["bilateral absence of the eyes excludes", adult, [visit(), diabetes, anophthalmos], [1, 1, 0]],
  ])("%s", (_name, birthDate, resources, expected) => {
    expect(run(mp26, birthDate, resources as object[])).toEqual(expected);
  });
});

describe("CMS131v13 (2025)", () => {
  test.each([
    ["exam in the year before", [visit("2025-03-01"), diabetes, retinalExam("2024-01-01")], [1, 0, 1]],
    ["severity findings are not in v13", [visit("2025-03-01"), diabetes, eye("left", "2025-05-01", moderate), eye("right", "2025-05-01", moderate)], [1, 0, 0]],
    ["autonomous exam is not in v13", [visit("2025-03-01"), diabetes, autonomous("2025-05-01")], [1, 0, 0]],
    ["no anophthalmos exclusion in v13", [visit("2025-03-01"), diabetes, anophthalmos], [1, 0, 0]],
  ])("%s", (_name, resources, expected) => {
    expect(selectQualityMeasure("CMS131", mp25)!.version).toBe("CMS131v13");
    expect(run(mp25, adult, resources as object[])).toEqual(expected);
  });
});
