import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { selectQualityMeasure } from "../measure-registry";
import { toQmFacts } from "../to-qm-facts";

/**
 * CMS2 boundaries from the specification: 12+ at the period's start, a screening on the visit's day or
 * the 14 days before, age-appropriate tools (adolescent 12–17, adult 17+), a follow-up up to two days
 * after the visit, bipolar disorder before the visit, and refusal only when no screening was done.
 */
const mp = { start: "2026-01-01", end: "2026-12-31" };
const cms2 = selectQualityMeasure("CMS2", mp)!;
const sct = "http://snomed.info/sct";
const visitDay = "2026-05-20";
const visit = {
  resourceType: "Encounter", id: "visit", status: "finished", type: [{ coding: [{ system: sct, code: "10197000" }] }],
  period: { start: `${visitDay}T10:00:00Z`, end: `${visitDay}T10:30:00Z` },
};
const adultTool = "73832-8";
const adolescentTool = "73831-0";
const negative = "428171000124102";
const positive = "428181000124104";
const screen = (tool: string, result: string, day = visitDay, id = "s") => ({
  resourceType: "Observation", id, status: "final", code: { coding: [{ system: "http://loinc.org", code: tool }] },
  effectiveDateTime: `${day}T09:00:00Z`, valueCodeableConcept: { coding: [{ system: sct, code: result }] },
});
const referral = (day: string, doNotPerform = false) => ({
  resourceType: "ServiceRequest", id: `r${day}`, status: "active", intent: "order", doNotPerform,
  code: { coding: [{ system: sct, code: "183524004" }] }, authoredOn: `${day}T08:00:00Z`,
});
const declined = {
  resourceType: "Observation", id: "declined", status: "cancelled", code: { coding: [{ system: "http://loinc.org", code: adultTool }] }, issued: `${visitDay}T10:10:00Z`,
  extension: [{ url: "http://hl7.org/fhir/us/qicore/StructureDefinition/qicore-notDoneReason", valueCodeableConcept: { coding: [{ system: sct, code: "720834000" }] } }],
};
const bipolar = (onset: string) => ({
  resourceType: "Condition", id: "bp", code: { coding: [{ system: sct, code: "10875004" }] }, onsetDateTime: onset, clinicalStatus: { coding: [{ code: "inactive" }] },
});

const run = (birthDate: string, resources: object[]) => {
  const g = evaluateQualityMeasure(toQmFacts([{ resourceType: "Patient", id: "p", gender: "male", birthDate }, visit, ...resources])!, cms2, mp).groups[0]!;
  return [g["initial-population"], g["denominator-exclusion"], g.numerator, g["denominator-exception"]];
};

describe("CMS2v15", () => {
  test.each([
    ["12 on the first day of the period", "2014-01-01", [screen(adolescentTool, negative)], [1, 0, 1, 0]],
    ["11 on the first day (12 the next day)", "2014-01-02", [screen(adolescentTool, negative)], [0, 0, 0, 0]],
    ["negative screening 14 days before the visit", "1980-01-01", [screen(adultTool, negative, "2026-05-06")], [1, 0, 1, 0]],
    ["negative screening 15 days before the visit", "1980-01-01", [screen(adultTool, negative, "2026-05-05")], [1, 0, 0, 0]],
    ["17: the adult tool counts", "2009-01-01", [screen(adultTool, negative)], [1, 0, 1, 0]],
    ["16: the adult tool does not", "2010-01-01", [screen(adultTool, negative)], [1, 0, 0, 0]],
    ["positive with a referral two days after the visit", "1980-01-01", [screen(adultTool, positive), referral("2026-05-22")], [1, 0, 1, 0]],
    ["positive with a referral three days after the visit", "1980-01-01", [screen(adultTool, positive), referral("2026-05-23")], [1, 0, 0, 0]],
    ["a referral not to be done is no follow-up", "1980-01-01", [screen(adultTool, positive), referral(visitDay, true)], [1, 0, 0, 0]],
    ["the latest screening decides: negative then positive", "1980-01-01", [screen(adultTool, negative, "2026-05-10", "a"), screen(adultTool, positive, visitDay, "b")], [1, 0, 0, 0]],
    ["bipolar disorder before the visit excludes (even inactive)", "1980-01-01", [screen(adultTool, negative), bipolar("2020-01-01")], [1, 1, 0, 0]],
    ["bipolar disorder first recorded on the visit day does not", "1980-01-01", [screen(adultTool, negative), bipolar(visitDay)], [1, 0, 1, 0]],
    ["screening declined at the visit is an exception", "1980-01-01", [declined], [1, 0, 0, 1]],
    ["declined but screened the week before is not", "1980-01-01", [declined, screen(adultTool, positive, "2026-05-13")], [1, 0, 0, 0]],
  ])("%s", (_name, birthDate, resources, expected) => {
    expect(run(birthDate, resources as object[])).toEqual(expected);
  });
});
