import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import { toQmFacts } from "../to-qm-facts";

/** CMS165 boundaries from the specification: ages at the period's end, the six-month diagnosis window, the most recent BP day, acute settings, exclusions. */
const mp = { start: "2026-01-01", end: "2026-12-31" };
const cms165 = selectQualityMeasure("CMS165", mp)!;
const cpt = "http://www.ama-assn.org/go/cpt";
const encounter = (id: string, code: string, start: string, end = start, extra: object = {}) =>
  ({ resourceType: "Encounter", id, status: "finished", type: [{ coding: [{ system: code.length === 5 ? cpt : "http://snomed.info/sct", code }] }], period: { start, end }, ...extra });
const visit = encounter("v", "99213", "2026-03-01");
const condition = (code: string, onset: string, extra: object = {}) => ({
  resourceType: "Condition", id: `c${code}${onset}`, code: { coding: [{ system: "http://snomed.info/sct", code }] }, onsetDateTime: onset,
  clinicalStatus: { coding: [{ code: "active" }] }, ...extra,
});
const hypertension = condition("59621000", "2020-01-01");
let n = 0;
const bp = (date: string, systolic: number | null, diastolic: number, extra: object = {}) => ({
  resourceType: "Observation", id: `bp${n++}`, status: "final", category: [{ coding: [{ code: "vital-signs" }] }],
  code: { coding: [{ system: "http://loinc.org", code: "85354-9" }] }, effectiveDateTime: date,
  component: [
    ...(systolic === null ? [] : [{ code: { coding: [{ system: "http://loinc.org", code: "8480-6" }] }, valueQuantity: { value: systolic, unit: "mm[Hg]" } }]),
    { code: { coding: [{ system: "http://loinc.org", code: "8462-4" }] }, valueQuantity: { value: diastolic, unit: "mm[Hg]" } },
  ],
  ...extra,
});
const run = (birthDate: string, resources: object[]) => {
  const g = evaluateQualityMeasure(toQmFacts([{ resourceType: "Patient", id: "p", gender: "male", birthDate }, ...resources])!, cms165, mp).groups[0]!;
  return [g["initial-population"], g["denominator-exclusion"], g.numerator];
};
const base = [visit, hypertension];

describe("CMS165v14", () => {
  test.each([
    ["18 at the end of the period", "2008-12-31", [...base, bp("2026-05-01", 120, 80)], [1, 0, 1]],
    ["17 at the end", "2009-01-01", base, [0, 0, 0]],
    ["85 at the end", "1941-01-01", base, [1, 0, 0]],
    ["86 at the end", "1940-12-31", base, [0, 0, 0]],
    ["hypertension starting on the last day of the first six months", "1960-01-01", [visit, condition("59621000", "2026-06-30")], [1, 0, 0]],
    ["hypertension starting on July 1", "1960-01-01", [visit, condition("59621000", "2026-07-01")], [0, 0, 0]],
    ["no qualifying visit", "1960-01-01", [hypertension], [0, 0, 0]],
    ["139/89 controlled", "1960-01-01", [...base, bp("2026-05-01", 139, 89)], [1, 0, 1]],
    ["140/80 not controlled", "1960-01-01", [...base, bp("2026-05-01", 140, 80)], [1, 0, 0]],
    ["130/90 not controlled", "1960-01-01", [...base, bp("2026-05-01", 130, 90)], [1, 0, 0]],
    ["no reading: not controlled", "1960-01-01", base, [1, 0, 0]],
    ["the most recent day decides", "1960-01-01", [...base, bp("2026-05-01", 120, 70), bp("2026-09-01", 150, 95)], [1, 0, 0]],
    ["lowest systolic and lowest diastolic of the last day", "1960-01-01", [...base, bp("2026-09-01", 150, 85), bp("2026-09-01", 135, 95)], [1, 0, 1]],
    ["reading without a systolic value", "1960-01-01", [...base, bp("2026-05-01", null, 70)], [1, 0, 0]],
    ["reading after the period ignored", "1960-01-01", [...base, bp("2026-05-01", 120, 70), bp("2027-01-01", 160, 100)], [1, 0, 1]],
    ["reading during an inpatient stay ignored", "1960-01-01",
      [...base, bp("2026-05-01", 120, 70), encounter("ip", "183452005", "2026-09-01", "2026-09-03"), bp("2026-09-02", 160, 100)], [1, 0, 1]],
    ["reading in an ambulatory encounter during the stay still counts", "1960-01-01",
      [...base, bp("2026-05-01", 120, 70), encounter("ip", "183452005", "2026-09-01", "2026-09-03"), encounter("amb", "99213", "2026-09-02", "2026-09-02", { class: { code: "AMB" } }),
        bp("2026-09-02", 160, 100, { encounter: { reference: "Encounter/amb" } })], [1, 0, 0]],
    ["amended reading counts, preliminary does not", "1960-01-01", [...base, bp("2026-05-01", 120, 70, { status: "amended" }), bp("2026-09-01", 160, 100, { status: "preliminary" })], [1, 0, 1]],
    ["ESRD during the period excludes", "1960-01-01", [...base, condition("46177005", "2026-10-01")], [1, 1, 0]],
    ["dialysis before the period excludes", "1960-01-01",
      [...base, { resourceType: "Procedure", id: "d", status: "completed", code: { coding: [{ system: cpt, code: "90935" }] }, performedDateTime: "2019-01-01" }], [1, 1, 0]],
    ["dialysis not done does not", "1960-01-01",
      [...base, { resourceType: "Procedure", id: "d", status: "not-done", code: { coding: [{ system: cpt, code: "90935" }] }, performedDateTime: "2019-01-01" }], [1, 0, 0]],
    ["refuted pregnancy does not", "1990-01-01", [...base, condition("77386006", "2026-02-01", { verificationStatus: { coding: [{ code: "refuted" }] } })], [1, 0, 0]],
    ["81 with frailty only excludes", "1944-06-01", [...base, encounter("f", "99504", "2026-04-01")], [1, 1, 0]],
    ["81 with a frailty encounter still in progress does not (2026 Status: finished only)", "1944-06-01",
      [...base, { ...encounter("f", "99504", "2026-04-01"), status: "in-progress" }], [1, 0, 0]],
    ["70 with frailty but no advanced illness does not", "1956-06-01", [...base, encounter("f", "99504", "2026-04-01")], [1, 0, 0]],
  ])("%s", (_name, birthDate, resources, expected) => {
    expect(run(birthDate, resources as object[])).toEqual(expected);
  });
});
