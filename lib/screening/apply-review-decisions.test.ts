import { describe, expect, test } from "vitest";
import { evidenceIdOf } from "./apply-review-decisions";
import { buildFacts, buildType, cpt } from "./build-test-facts";
import { evaluateScreening } from "./evaluate-screening";
import { evaluateScreenings } from "./evaluate-screenings";

const colonoscopy = buildType({
  key: "colonoscopy",
  frequency: { kind: "interval", value: 10, unit: "years" },
  eligibility: { minAge: 45, maxAge: 75 },
  evidence: { codes: { CPT: ["45378"] }, keywords: [{ term: "colonoscopy" }], documentCategories: ["procedure", "other"] },
  exclusions: { phrases: ["total colectomy"] },
});
const asOf = "2025-06-01";
const undatedDoc = { id: "doc-1", category: "procedure", serviceDate: null, text: "Colonoscopy to the cecum, normal." };
const datedProcedure = { id: "p1", codes: [cpt("45378")], status: "completed", performed: "2021-03-02" };
const review = (evidenceId: string, decision: "dismissed" | "confirmed", confirmedDate: string | null = null) =>
  ({ screeningTypeKey: "colonoscopy", evidenceId, decision, confirmedDate });

describe("clinicians' review decisions", () => {
  test("no decisions, or decisions for another type, change nothing", () => {
    const facts = buildFacts({ documents: [undatedDoc] });
    const plain = evaluateScreening(facts, colonoscopy, { asOf });
    expect(plain.status).toBe("needs_review");
    expect(evaluateScreening(facts, colonoscopy, { asOf, reviews: [] })).toEqual(plain);
    expect(evaluateScreening(facts, colonoscopy, { asOf, reviews: [{ ...review("completion:document:doc-1", "dismissed"), screeningTypeKey: "other" }] })).toEqual(plain);
  });

  test("dismissing a false match removes it from the decision", () => {
    const facts = buildFacts({ procedures: [datedProcedure] });
    expect(evaluateScreening(facts, colonoscopy, { asOf }).status).toBe("complete");
    const result = evaluateScreening(facts, colonoscopy, { asOf, reviews: [review("completion:procedure:p1", "dismissed")] });
    expect(result.status).toBe("due");
    expect(result.lastCompleted).toBeNull();
    expect(result.evidence.find((e) => e.sourceId === "p1")).toMatchObject({ use: "ignored", note: expect.stringContaining("dismissed") });
  });

  test("confirming an undated document needs a date; with one it completes", () => {
    const facts = buildFacts({ documents: [undatedDoc] });
    const id = evidenceIdOf({ role: "completion", source: "document", sourceId: "doc-1" });
    expect(evaluateScreening(facts, colonoscopy, { asOf, reviews: [review(id, "confirmed")] }).status).toBe("needs_review");
    const confirmed = evaluateScreening(facts, colonoscopy, { asOf, reviews: [review(id, "confirmed", "2020-02-29")] });
    expect(confirmed).toMatchObject({ status: "complete", lastCompleted: "2020-02-29", nextDue: "2030-02-28" });
    // A confirmed date after asOf cannot count yet.
    expect(evaluateScreening(facts, colonoscopy, { asOf, reviews: [review(id, "confirmed", "2025-06-02")] }).status).toBe("needs_review");
  });

  test("a document-only exclusion: confirmed excludes, dismissed stops asking", () => {
    const facts = buildFacts({ documents: [{ id: "doc-2", category: "other", serviceDate: "2019-01-01", text: "History: s/p total colectomy." }] });
    expect(evaluateScreening(facts, colonoscopy, { asOf }).status).toBe("needs_review");
    expect(evaluateScreening(facts, colonoscopy, { asOf, reviews: [review("exclusion:document:doc-2", "confirmed")] }).status).toBe("excluded");
    expect(evaluateScreening(facts, colonoscopy, { asOf, reviews: [review("exclusion:document:doc-2", "dismissed")] }).status).toBe("due");
  });

  test("the last decision for an item wins and evaluateScreenings honours it too", () => {
    const facts = buildFacts({ procedures: [datedProcedure] });
    const reviews = [review("completion:procedure:p1", "dismissed"), review("completion:procedure:p1", "confirmed")];
    expect(evaluateScreenings(facts, [colonoscopy], { asOf, reviews })[0]?.status).toBe("complete");
  });
});
