import { describe, expect, it } from "vitest";
import { evaluateQualityMeasure } from "../evaluate-quality-measure";
import { toQmFacts } from "../to-qm-facts";
import { cms138Versions } from "./cms138";

// Minimal FHIR built from the CMS138 spec (2026 period): 12+ at the period's start, two visits or
// one preventive visit, most recent final social-history tobacco status, interventions back 6 months.
const period = { start: "2026-01-01", end: "2026-12-31" };
const coding = (system: string, code: string) => ({ coding: [{ system, code }] });
const cpt = (code: string) => coding("http://www.ama-assn.org/go/cpt", code);
const sct = (code: string) => coding("http://snomed.info/sct", code);

let n = 0;
const encounter = (type: object, day: string, status = "finished") => ({ resourceType: "Encounter", id: `e${++n}`, status, type: [type], period: { start: day, end: day } });
const officeVisit = (day = "2026-03-01", status?: string) => encounter(cpt("99213"), day, status);
const preventiveVisit = (day = "2026-03-01") => encounter(cpt("99394"), day);
const tobaccoStatus = (day: string, answer: "user" | "non-user" | null, category = "social-history") => ({
  resourceType: "Observation", id: `o${++n}`, status: "final",
  category: [coding("http://terminology.hl7.org/CodeSystem/observation-category", category)],
  code: coding("http://loinc.org", "72166-2"), effectiveDateTime: day,
  ...(answer ? { valueCodeableConcept: sct(answer === "user" ? "110483000" : "105539002") } : {}),
});
const counseling = (day: string) => ({ resourceType: "Procedure", id: `p${++n}`, status: "completed", code: sct("225323000"), performedDateTime: day });
const bupropion = (extra: object) => ({
  resourceType: "MedicationRequest", id: `m${++n}`, intent: "order",
  medicationCodeableConcept: coding("http://www.nlm.nih.gov/research/umls/rxnorm", "1232585"), ...extra,
});
const hospice = { resourceType: "Encounter", id: "hospice", status: "finished", type: [sct("183919006")], period: { start: "2026-05-01", end: "2026-05-02" } };

function run(birthDate: string, resources: object[]) {
  const facts = toQmFacts([{ resourceType: "Patient", id: "p", birthDate }, ...resources]);
  const result = evaluateQualityMeasure(facts!, cms138Versions[0]!, period);
  // [ip, denom, denex, numer] per group
  return result.groups.map((g) => [g["initial-population"], g.denominator, g["denominator-exclusion"], g.numerator]);
}

const twelve = "2014-01-01"; // turns 12 on the period's first day
const twoVisits = [officeVisit(), officeVisit("2026-04-01")];
const rejected = (requestId: string) => ({
  resourceType: "Task", id: `t${++n}`, status: "rejected", intent: "order", code: coding("http://hl7.org/fhir/CodeSystem/task-code", "fulfill"),
  focus: { reference: `MedicationRequest/${requestId}` },
});
const order = bupropion({ status: "completed", authoredOn: "2026-02-01" });

describe("CMS138v14 tobacco screening and cessation", () => {
  it.each([
    ["11 at the period's start (12 during it) is not in the population", "2014-01-02", [...twoVisits, tobaccoStatus("2026-05-01", "non-user")], [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]],
    ["12 on the first day, non-user: rates 1 and 3 met, not in rate 2", twelve, [...twoVisits, tobaccoStatus("2026-05-01", "non-user")], [[1, 1, 0, 1], [1, 0, 0, 0], [1, 1, 0, 1]]],
    ["one office visit is not enough", twelve, [officeVisit(), tobaccoStatus("2026-05-01", "non-user")], [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]],
    ["one preventive visit is enough", twelve, [preventiveVisit()], [[1, 1, 0, 0], [1, 0, 0, 0], [1, 1, 0, 0]]],
    ["an arrived (not finished) visit does not count", twelve, [officeVisit(), officeVisit("2026-04-01", "arrived")], [[0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]],
    ["most recent status is user, no intervention", twelve, [...twoVisits, tobaccoStatus("2026-02-01", "non-user"), tobaccoStatus("2026-06-01", "user")], [[1, 1, 0, 1], [1, 1, 0, 0], [1, 1, 0, 0]]],
    ["a later status with no answer leaves the patient unscreened", twelve, [...twoVisits, tobaccoStatus("2026-02-01", "user"), tobaccoStatus("2026-06-01", null)], [[1, 1, 0, 0], [1, 0, 0, 0], [1, 1, 0, 0]]],
    ["a laboratory-category tobacco result is not a smoking status", twelve, [...twoVisits, tobaccoStatus("2026-05-01", "user", "laboratory")], [[1, 1, 0, 0], [1, 0, 0, 0], [1, 1, 0, 0]]],
    ["a status before the period does not count", twelve, [...twoVisits, tobaccoStatus("2025-12-31", "non-user")], [[1, 1, 0, 0], [1, 0, 0, 0], [1, 1, 0, 0]]],
    ["user counselled exactly 6 months before the period", twelve, [...twoVisits, tobaccoStatus("2026-05-01", "user"), counseling("2025-07-01")], [[1, 1, 0, 1], [1, 1, 0, 1], [1, 1, 0, 1]]],
    ["user counselled a day before the 6-month look-back", twelve, [...twoVisits, tobaccoStatus("2026-05-01", "user"), counseling("2025-06-30")], [[1, 1, 0, 1], [1, 1, 0, 0], [1, 1, 0, 0]]],
    ["user with a cessation medication order", twelve, [...twoVisits, tobaccoStatus("2026-05-01", "user"), order], [[1, 1, 0, 1], [1, 1, 0, 1], [1, 1, 0, 1]]],
    ["an order whose fulfilment was rejected does not count", twelve, [...twoVisits, tobaccoStatus("2026-05-01", "user"), order, rejected(order.id)], [[1, 1, 0, 1], [1, 1, 0, 0], [1, 1, 0, 0]]],
    ["hospice excludes every rate; the user still forms rate 2's denominator", twelve, [...twoVisits, tobaccoStatus("2026-05-01", "user"), hospice], [[1, 1, 1, 0], [1, 1, 1, 0], [1, 1, 1, 0]]],
  ])("%s", (_label, birthDate, resources, expected) => {
    expect(run(birthDate as string, resources as object[])).toEqual(expected);
  });
});
