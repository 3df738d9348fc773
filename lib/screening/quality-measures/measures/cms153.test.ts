import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import { toQmFacts } from "../to-qm-facts";

/**
 * CMS153 boundaries from the specification: women 16–24 at the period's end, sexual activity shown by
 * an order, a test in the period, the pregnancy-test-before-x-ray/isotretinoin exclusion (same day to
 * six days after, and only when nothing else shows sexual activity), hospice, and do-not-perform orders.
 */
const mp = { start: "2026-01-01", end: "2026-12-31" };
const cms153 = selectQualityMeasure("CMS153", mp)!;
const loinc = "http://loinc.org";
const rxnorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
const visit = (status = "finished", code = "99213", id = "v") => ({
  resourceType: "Encounter", id, status, type: [{ coding: [{ system: "http://www.ama-assn.org/go/cpt", code }] }],
  period: { start: "2026-04-01T09:00:00Z", end: "2026-04-01T09:30:00Z" },
});
const order = (system: string, code: string, day: string, extra: object = {}) => ({
  resourceType: system === rxnorm ? "MedicationRequest" : "ServiceRequest", id: `o${code}${day}`, status: "active", intent: "order", authoredOn: day,
  ...(system === rxnorm ? { medicationCodeableConcept: { coding: [{ system, code }] } } : { code: { coding: [{ system, code }] } }), ...extra,
});
const contraceptive = (extra: object = {}) => order(rxnorm, "1000126", "2026-04-01", extra);
const pregnancyTest = order(loinc, "19080-1", "2026-04-01");
const xray = (day: string) => order(loinc, "24533-2", day);
const stiLab = order(loinc, "10705-2", "2026-04-01");
const chlamydiaTest = (withResult = true) => ({
  resourceType: "Observation", id: "ct", status: "final", code: { coding: [{ system: loinc, code: "14463-4" }] }, effectiveDateTime: "2026-04-01",
  ...(withResult ? { valueCodeableConcept: { coding: [{ system: "http://snomed.info/sct", code: "260385009" }] } } : {}),
});
const hospice = (status: string) => ({ ...visit(status, "", "h"), type: [{ coding: [{ system: "http://snomed.info/sct", code: "183919006" }] }] });
const female = { gender: "female", extension: [{ url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex", valueCode: "248152002" }] };
const male = { gender: "male", extension: [{ url: "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex", valueCode: "248153007" }] };

const run = (birthDate: string, resources: object[], patient: object = female) => {
  const g = evaluateQualityMeasure(toQmFacts([{ resourceType: "Patient", id: "p", birthDate, ...patient }, ...resources])!, cms153, mp).groups[0]!;
  return [g["initial-population"], g["denominator-exclusion"], g.numerator];
};

describe("CMS153v14", () => {
  test.each([
    ["16 at the end of the period", "2010-12-31", [visit(), contraceptive()], [1, 0, 0]],
    ["15 at the end of the period", "2011-01-01", [visit(), contraceptive()], [0, 0, 0]],
    ["24 at the end of the period", "2002-01-01", [visit(), contraceptive(), chlamydiaTest()], [1, 0, 1]],
    ["25 at the end of the period", "2001-12-31", [visit(), contraceptive()], [0, 0, 0]],
    ["no sign of sexual activity", "2005-01-01", [visit(), chlamydiaTest()], [0, 0, 0]],
    ["a contraceptive marked do-not-perform shows nothing", "2005-01-01", [visit(), contraceptive({ doNotPerform: true })], [0, 0, 0]],
    ["a visit not finished does not qualify", "2005-01-01", [visit("in-progress"), contraceptive()], [0, 0, 0]],
    ["a chlamydia test without a result does not count", "2005-01-01", [visit(), contraceptive(), chlamydiaTest(false)], [1, 0, 0]],
    ["pregnancy test then x-ray six days later excludes", "2005-01-01", [visit(), pregnancyTest, xray("2026-04-07")], [1, 1, 0]],
    ["pregnancy test then x-ray seven days later does not", "2005-01-01", [visit(), pregnancyTest, xray("2026-04-08")], [1, 0, 0]],
    ["pregnancy test and x-ray but also an STI test: not excluded", "2005-01-01", [visit(), pregnancyTest, xray("2026-04-01"), stiLab], [1, 0, 0]],
    ["hospice encounter in the period excludes", "2005-01-01", [visit(), contraceptive(), hospice("finished")], [1, 1, 0]],
    ["a hospice encounter still in progress does not (2026 Status library)", "2005-01-01", [visit(), contraceptive(), hospice("in-progress")], [1, 0, 0]],
  ])("%s", (_name, birthDate, resources, expected) => {
    expect(run(birthDate, resources as object[])).toEqual(expected);
  });

  test("men are not in the population", () => {
    expect(run("2005-01-01", [visit(), contraceptive(), chlamydiaTest()], male)).toEqual([0, 0, 0]);
  });
});
