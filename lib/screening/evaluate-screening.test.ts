import { describe, expect, test } from "vitest";
import { buildFacts, buildType, cpt, loinc, type LooseFactsInput } from "./build-test-facts";
import { evaluateScreening } from "./evaluate-screening";
import type { ScreeningTypeInput } from "./screening-type";

// A1c every 3 months, done 2025-01-10 → next due 2025-04-10 (worked example of the original app).
const a1c = buildType({
  key: "a1c",
  frequency: { kind: "interval", value: 3, unit: "months" },
  evidence: {
    codes: { LOINC: ["4548-4"], CPT: ["83036"] },
    keywords: [{ term: "hemoglobin a1c", synonyms: ["a1c", "hba1c"] }],
    documentCategories: ["lab"],
  },
});
const a1cResult = (id: string, effective: string | null, status = "final") =>
  ({ id, codes: [loinc("4548-4")], status, effective });
const evaluate = (facts: LooseFactsInput, asOf: string, type = a1c, clinicSettings = {}) =>
  evaluateScreening(buildFacts(facts), type, { asOf, clinicSettings });

describe("status windows (due soon 30 days, overdue 90 days after due)", () => {
  test.each([
    ["2025-01-10", "complete"],
    ["2025-03-10", "complete"],
    ["2025-03-11", "due_soon"],
    ["2025-04-09", "due_soon"],
    ["2025-04-10", "due"],
    ["2025-07-08", "due"],
    ["2025-07-09", "overdue"],
  ])("asOf %s → %s", (asOf, status) => {
    const result = evaluate({ observations: [a1cResult("o1", "2025-01-10")] }, asOf);
    expect(result.status).toBe(status);
    expect(result).toMatchObject({ lastCompleted: "2025-01-10", nextDue: "2025-04-10", dueSoonFrom: "2025-03-11", overdueFrom: "2025-07-09" });
  });

  test("clinic windows and per-type overrides change the edges", () => {
    const facts = { observations: [a1cResult("o1", "2025-01-10")] };
    expect(evaluate(facts, "2025-03-01", a1c, { dueSoonDays: 45 }).status).toBe("due_soon");
    expect(evaluate(facts, "2025-04-10", a1c, { overdueAfterDays: 0 }).status).toBe("overdue");
    expect(evaluate(facts, "2025-03-01", a1c, { typeOverrides: { a1c: { dueSoonDays: 60 } } }).status).toBe("due_soon");
    expect(evaluate(facts, "2025-03-01", a1c, { typeOverrides: { other: { dueSoonDays: 60 } } }).status).toBe("complete");
    const typed = buildType({ ...a1c, timing: { dueSoonDays: 10, overdueAfterDays: null } } as ScreeningTypeInput);
    expect(evaluate(facts, "2025-03-20", typed, { dueSoonDays: 45 }).status).toBe("complete");
  });

  test("the latest valid evidence wins, whatever the order", () => {
    const observations = [a1cResult("o1", "2024-01-10"), a1cResult("o2", "2025-01-10"), a1cResult("o3", "2024-06-10")];
    const forward = evaluate({ observations }, "2025-02-01");
    expect(forward.lastCompleted).toBe("2025-01-10");
    expect(evaluate({ observations: [...observations].reverse() }, "2025-02-01")).toEqual(forward);
  });
});

describe("never done", () => {
  // No completed record: Due with "No record found" and no invented dates, however long ago the
  // patient became eligible; overdue is for a completed screening that has lapsed.
  const colon = buildType({ key: "colon", eligibility: { minAge: 45 }, frequency: { kind: "interval", value: 10, unit: "years" } });
  test.each(["2025-06-15", "2025-09-13", "2040-01-01"])("turned 45 on 2025-06-15, asOf %s → due, no record found, no dates", (asOf) => {
    const result = evaluate({ patient: { birthDate: "1980-06-15", sexForClinicalUse: "male" } }, asOf, colon);
    expect(result).toMatchObject({ status: "due", provisionalStatus: "due", lastCompleted: null, nextDue: null, dueSoonFrom: null, overdueFrom: null });
    expect(result.reasons).toContain("No record found.");
    expect(result.reasons.join(" ")).not.toMatch(/next due|due since|overdue/i);
  });
  test("no age rule and no dated trigger: due, no record found", () => {
    const triggered = buildType({ eligibility: { triggers: { synonyms: ["obesity"] } } });
    const result = evaluate({ conditions: [{ id: "c1", text: "Obesity", clinicalStatus: "active" }] }, "2025-06-01", triggered);
    expect(result).toMatchObject({ status: "due", nextDue: null });
    expect(result.reasons).toContain("No record found.");
  });
  test.each([
    ["2020-03-30", "due"],
    ["2020-03-31", "overdue"],
  ])("a colonoscopy done 2010-01-01 (due 2020-01-01, 90-day grace), asOf %s → %s", (asOf, status) => {
    const colonoscopy = buildType({ key: "colon", eligibility: { minAge: 45 }, frequency: { kind: "interval", value: 10, unit: "years" }, evidence: { codes: { CPT: ["45378"] } } });
    const facts = { patient: { birthDate: "1960-01-01", sexForClinicalUse: "male" as const }, procedures: [{ id: "p1", codes: [cpt("45378")], status: "completed", performed: "2010-01-01" }] };
    expect(evaluate(facts, asOf, colonoscopy)).toMatchObject({ status, lastCompleted: "2010-01-01", nextDue: "2020-01-01", overdueFrom: "2020-03-31" });
  });
});

describe("what counts as evidence", () => {
  test.each([
    ["final observation", { observations: [a1cResult("o1", "2025-01-10")] }, "complete"],
    ["amended observation", { observations: [a1cResult("o1", "2025-01-10", "amended")] }, "complete"],
    ["corrected observation", { observations: [a1cResult("o1", "2025-01-10", "corrected")] }, "complete"],
    ["preliminary observation", { observations: [a1cResult("o1", "2025-01-10", "preliminary")] }, "due"],
    ["registered (ordered) observation", { observations: [a1cResult("o1", "2025-01-10", "registered")] }, "due"],
    ["cancelled observation", { observations: [a1cResult("o1", "2025-01-10", "cancelled")] }, "due"],
    ["completed procedure", { procedures: [{ id: "p1", codes: [cpt("83036")], status: "completed", performed: "2025-01-10" }] }, "complete"],
    ["not-done procedure", { procedures: [{ id: "p1", codes: [cpt("83036")], status: "not-done", performed: "2025-01-10" }] }, "due"],
    ["observation dated after asOf", { observations: [a1cResult("o1", "2025-03-01")] }, "due"],
    ["undated coded result", { observations: [a1cResult("o1", null)] }, "needs_review"],
    ["uncoded procedure text", { procedures: [{ id: "p1", text: "Hemoglobin A1c", status: "completed", performed: "2025-01-10" }] }, "complete"],
    ["uncoded procedure text, declined", { procedures: [{ id: "p1", text: "A1c declined", status: "completed", performed: "2025-01-10" }] }, "due"],
  ])("%s → %s", (_label, facts, status) => {
    expect(evaluate(facts, "2025-02-01").status).toBe(status);
  });

  test("a partial date counts from its first day and says so", () => {
    const result = evaluate({ observations: [a1cResult("o1", "2025-01")] }, "2025-02-01");
    expect(result.lastCompleted).toBe("2025-01-01");
    expect(result.evidence[0]?.note).toContain("counted from 2025-01-01");
  });
});

describe("document evidence", () => {
  const doc = (over: Record<string, unknown>) => ({
    documents: [{ id: "d1", category: "lab", serviceDate: "2025-01-10", dateSource: "ehr_service", text: "Hemoglobin A1c 6.1 %", ...over }],
  });
  test.each([
    ["dated, readable lab", {}, "complete"],
    ["undated", { serviceDate: null }, "needs_review"],
    ["date is only the received date", { dateSource: "received" }, "needs_review"],
    ["low OCR confidence", { confidence: 0.5 }, "needs_review"],
    ["confidence at the threshold", { confidence: 0.8 }, "complete"],
    ["category not counted", { category: "imaging" }, "due"],
    ["declined", { text: "Patient declined A1c today." }, "due"],
    ["order only", { text: "A1c ordered." }, "due"],
    ["recommendation", { text: "Recommend A1c in 3 months." }, "due"],
    ["filename only", { text: "", filename: "HbA1c_result.pdf" }, "complete"],
    ["past mention, dated", { text: "Last A1c was normal." }, "needs_review"],
  ])("%s → %s", (_label, over, status) => {
    expect(evaluate(doc(over), "2025-02-01").status).toBe(status);
  });

  test("an undated document never completes a screening today, and says why", () => {
    const result = evaluate(doc({ serviceDate: null }), "2025-02-01");
    expect(result).toMatchObject({ status: "needs_review", provisionalStatus: "due", lastCompleted: null });
    expect(result.reasons.join(" ")).toContain("no service date");
  });

  test("review material that cannot change the answer is set aside", () => {
    const facts = { observations: [a1cResult("o1", "2025-01-10")], ...doc({ serviceDate: null }) };
    expect(evaluate(facts, "2025-02-01").status).toBe("complete");
    const older = { observations: [a1cResult("o1", "2025-01-10")], ...doc({ confidence: 0.3, serviceDate: "2024-12-01" }) };
    expect(evaluate(older, "2025-04-20").status).toBe("due");
  });
});

describe("lifetime screenings, exclusions and sex review", () => {
  const hiv = buildType({ key: "hiv", frequency: { kind: "once" }, evidence: { codes: { LOINC: ["75622-1"] } } });
  test("once done is complete for good", () => {
    const result = evaluate({ observations: [{ id: "o1", codes: [loinc("75622-1")], status: "final", effective: "2001-05-05" }] }, "2025-02-01", hiv);
    expect(result).toMatchObject({ status: "complete", lastCompleted: "2001-05-05", nextDue: null });
  });

  const cervical = buildType({
    key: "cervical", eligibility: { sex: "female", minAge: 21, maxAge: 65 }, frequency: { kind: "interval", value: 3, unit: "years" },
    evidence: { codes: { LOINC: ["10524-7"] } },
    exclusions: { codes: { ICD10CM: ["Z90.710"] }, phrases: ["total hysterectomy"] },
  });
  test.each([
    ["coded exclusion", { conditions: [{ id: "c1", codes: [{ system: "ICD-10-CM", code: "Z90.710" }] }] }, "excluded"],
    ["cervical stump remains", { conditions: [{ id: "c1", codes: [{ system: "ICD-10-CM", code: "Z90.711" }] }] }, "due"],
    ["uncoded condition text", { conditions: [{ id: "c1", text: "S/p total hysterectomy 2010" }] }, "excluded"],
    ["phrase only in a document", { documents: [{ id: "d1", category: "consult", serviceDate: "2020-01-01", text: "History: total hysterectomy." }] }, "needs_review"],
    ["negated in a document", { documents: [{ id: "d1", category: "consult", serviceDate: "2020-01-01", text: "No total hysterectomy." }] }, "due"],
  ])("%s → %s", (_label, facts, status) => {
    expect(evaluate(facts, "2025-02-01", cervical).status).toBe(status);
  });

  test("unknown sex: evaluated, and a non-complete answer goes to review", () => {
    const unknown = { patient: { birthDate: "1980-01-01", sexForClinicalUse: "unknown" as const } };
    expect(evaluate(unknown, "2025-02-01", cervical)).toMatchObject({ status: "needs_review", provisionalStatus: "due" });
    const done = { ...unknown, observations: [{ id: "o1", codes: [loinc("10524-7")], status: "final", effective: "2024-01-01" }] };
    expect(evaluate(done, "2025-02-01", cervical).status).toBe("complete");
  });

  test("not eligible results carry no dates", () => {
    const result = evaluate({ patient: { birthDate: "1980-01-01", sexForClinicalUse: "male" } }, "2025-02-01", cervical);
    expect(result).toMatchObject({ status: "not_eligible", lastCompleted: null, nextDue: null });
  });
});
