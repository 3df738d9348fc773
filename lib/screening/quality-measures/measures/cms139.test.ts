import { describe, expect, it } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { toQmFacts } from "../to-qm-facts";
import { cms139Versions } from "./cms139";

// Minimal FHIR built from the CMS139 spec (2026 period): 65+ at the period's start, a qualifying
// finished visit in the period, a final survey falls screening in the period; hospice excludes.
const period = { start: "2026-01-01", end: "2026-12-31" };
const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
const visit = (status = "finished", day = "2026-03-01") => ({
  resourceType: "Encounter", id: `e-${status}-${day}`, status, type: [coding("http://www.ama-assn.org/go/cpt", "99213")], period: { start: day, end: day },
});
const fallsScreening = (start: string, end = start, status = "final") => ({
  resourceType: "Observation", id: `o-${start}-${status}`, status, category: [coding("http://terminology.hl7.org/CodeSystem/observation-category", "survey")],
  code: coding("http://loinc.org", "52552-7"), effectivePeriod: { start, end }, valueCodeableConcept: coding("http://snomed.info/sct", "373066001"),
});
const hospiceOrder = {
  resourceType: "ServiceRequest", id: "sr", status: "active", intent: "order", code: coding("http://snomed.info/sct", "385763009"), authoredOn: "2026-06-01",
};

function run(birthDate: string, resources: object[]) {
  const facts = toQmFacts([{ resourceType: "Patient", id: "p", birthDate }, ...resources]);
  const g = evaluateQualityMeasure(facts!, cms139Versions[0]!, period).groups[0]!;
  return [g["initial-population"], g.denominator, g["denominator-exclusion"], g.numerator];
}

describe("CMS139v14 falls risk screening", () => {
  it.each([
    ["65 on the period's first day, screened", "1961-01-01", [visit(), fallsScreening("2026-05-01")], [1, 1, 0, 1]],
    ["turning 65 the day after the period starts is too young", "1961-01-02", [visit(), fallsScreening("2026-05-01")], [0, 0, 0, 0]],
    ["a visit that is only in progress does not qualify", "1950-06-01", [visit("in-progress"), fallsScreening("2026-05-01")], [0, 0, 0, 0]],
    ["a screening that ends on the last day of the prior year does not count", "1950-06-01", [visit(), fallsScreening("2025-12-31")], [1, 1, 0, 0]],
    ["a screening spanning the period's start is not during it", "1950-06-01", [visit(), fallsScreening("2025-12-31", "2026-01-01")], [1, 1, 0, 0]],
    ["a preliminary screening does not count", "1950-06-01", [visit(), fallsScreening("2026-05-01", "2026-05-01", "preliminary")], [1, 1, 0, 0]],
    ["a hospice care order in the period excludes", "1950-06-01", [visit(), fallsScreening("2026-05-01"), hospiceOrder], [1, 1, 1, 0]],
  ])("%s", (_label, birthDate, resources, expected) => {
    expect(run(birthDate as string, resources as object[])).toEqual(expected);
  });
});
