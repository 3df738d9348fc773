import { describe, expect, test } from "vitest";
import { buildFacts, buildType, icd10, loinc, snomed, type LooseFactsInput } from "./build-test-facts";
import { parseIsoDate } from "./calendar-date";
import { checkEligibility } from "./check-eligibility";
import type { ScreeningTypeInput } from "./screening-type";

const day = (text: string) => parseIsoDate(text) ?? Number.NaN;
const eligible = (facts: LooseFactsInput, eligibility: ScreeningTypeInput["eligibility"], asOf = "2025-06-15") =>
  checkEligibility(buildFacts(facts), buildType({ eligibility }), day(asOf));

describe("age on asOf (both bounds inclusive)", () => {
  test.each([
    ["1980-06-15", "2025-06-14", false, "44, one day short of 45"],
    ["1980-06-15", "2025-06-15", true, "45 exactly on asOf"],
    ["1950-06-15", "2025-06-14", true, "still 74"],
    ["1950-06-15", "2025-06-15", true, "75 on asOf"],
    ["1949-06-15", "2025-06-14", true, "75, last day before 76"],
    ["1949-06-15", "2025-06-15", false, "76 on asOf"],
    ["1980-02-29", "2025-02-28", false, "leap-day birth is 44 on 28 Feb"],
    ["1980-02-29", "2025-03-01", true, "and 45 on 1 Mar"],
    ["2030-01-01", "2025-06-15", false, "born after asOf"],
  ])("born %s, asOf %s → %s (%s)", (birthDate, asOf, expected) => {
    expect(eligible({ patient: { birthDate, sexForClinicalUse: "male" } }, { minAge: 45, maxAge: 75 }, asOf).eligible).toBe(expected);
  });

  test("eligibleSince is the day the minimum age is reached", () => {
    const outcome = eligible({ patient: { birthDate: "1980-02-29", sexForClinicalUse: "male" } }, { minAge: 45 });
    expect(outcome.eligible && outcome.eligibleSince).toBe(day("2025-03-01"));
  });

  test("an invalid birth date is unknown, not silently eligible", () => {
    const outcome = eligible({ patient: { birthDate: "1980-02-29", sexForClinicalUse: "male" } }, { minAge: 45 });
    expect(outcome.eligible).toBe(true);
    const facts = buildFacts();
    const broken = { ...facts, patient: { ...facts.patient, birthDate: "not a date" } };
    const result = checkEligibility(broken, buildType({ eligibility: { minAge: 45 } }), day("2025-06-15"));
    expect(result).toMatchObject({ eligible: false, unknown: true });
  });
});

describe("sex for clinical use", () => {
  test.each([
    ["female", "female", "review", true, false],
    ["male", "female", "review", false, false],
    ["female", "any", "review", true, false],
    ["unknown", "female", "review", true, true],
    ["other", "female", "review", true, true],
    ["unknown", "female", "include", true, false],
    ["other", "male", "exclude", false, false],
    ["unknown", "any", "exclude", true, false],
  ] as const)("patient %s, type %s, rule %s → eligible %s, review %s", (patientSex, sex, unknownSexRule, ok, review) => {
    const outcome = eligible({ patient: { birthDate: "1970-01-01", sexForClinicalUse: patientSex } }, { sex, unknownSexRule });
    expect(outcome.eligible).toBe(ok);
    if (outcome.eligible) expect(outcome.reviewSex).toBe(review);
  });
});

describe("trigger conditions", () => {
  const diabetesType2 = { codes: { ICD10CM: ["E11"], SNOMED: ["44054006"] }, synonyms: ["type 2 diabetes", "diabetes mellitus type 2"] };
  const condition = (over: Record<string, unknown>) => ({ conditions: [{ id: "c1", clinicalStatus: "active", ...over }] });

  test.each([
    ["E11.9 coded", { codes: [icd10("E11.9")] }, true],
    ["SNOMED coded", { codes: [snomed("44054006")] }, true],
    ["type 1 coded, display mentions type 2 text", { codes: [icd10("E10.9", "Type 1 diabetes, not type 2 diabetes")] }, false],
    ["uncoded text type 2", { text: "Diabetes mellitus type 2 without complications" }, true],
    ["uncoded text type 1", { text: "Type 1 diabetes mellitus" }, false],
    ["uncoded prediabetes", { text: "Prediabetes" }, false],
    ["negated text", { text: "No history of type 2 diabetes" }, false],
    ["family history text", { text: "Family history of type 2 diabetes" }, false],
    ["local code only, text fallback", { codes: [{ system: "urn:epic:dx", code: "123" }], text: "Type 2 diabetes" }, true],
    ["resolved", { codes: [icd10("E11.9")], clinicalStatus: "resolved" }, false],
    ["abated before asOf", { codes: [icd10("E11.9")], abatement: "2020-01-01" }, false],
    ["refuted", { codes: [icd10("E11.9")], verificationStatus: "refuted" }, false],
    ["onset after asOf", { codes: [icd10("E11.9")], onset: "2026-01-01" }, false],
    ["unknown status counts as current", { codes: [icd10("E11.9")], clinicalStatus: "unknown" }, true],
  ])("%s → %s", (_label, over, expected) => {
    expect(eligible(condition(over), { triggers: diabetesType2 }).eligible).toBe(expected);
  });

  test("includeResolved accepts history (former smoker)", () => {
    const facts = condition({ codes: [icd10("Z87.891")], clinicalStatus: "resolved", onset: "1990" });
    expect(eligible(facts, { triggers: { codes: { ICD10CM: ["Z87.891"] } } }).eligible).toBe(false);
    expect(eligible(facts, { triggers: { codes: { ICD10CM: ["Z87.891"] }, includeResolved: true } }).eligible).toBe(true);
  });

  test("eligibleSince is the later of the age date and the earliest dated trigger", () => {
    const facts = { patient: { birthDate: "1970-01-01", sexForClinicalUse: "male" as const }, ...condition({ codes: [icd10("E11.9")], onset: "2022-05-01" }) };
    const outcome = eligible(facts, { minAge: 35, triggers: diabetesType2 });
    expect(outcome.eligible && outcome.eligibleSince).toBe(day("2022-05-01"));
    const undated = eligible({ ...facts, ...condition({ codes: [icd10("E11.9")] }) }, { minAge: 35, triggers: diabetesType2 });
    expect(undated.eligible && undated.eligibleSince).toBeNull();
  });
});

describe("observation triggers", () => {
  const bmi = (id: string, effective: string, valueNumber: number, status = "final") =>
    ({ id, codes: [loinc("39156-5")], status, effective, valueNumber });
  const bmiTrigger = { observations: [{ codes: { LOINC: ["39156-5"] }, minValue: 25, latestOnly: true }] };

  test.each([
    ["latest BMI 27", [bmi("o1", "2025-01-01", 27)], true],
    ["latest BMI exactly 25", [bmi("o1", "2025-01-01", 25)], true],
    ["older BMI 30, latest 22", [bmi("o1", "2020-01-01", 30), bmi("o2", "2025-01-01", 22)], false],
    ["preliminary BMI ignored", [bmi("o1", "2025-01-01", 30, "preliminary")], false],
    ["BMI after asOf ignored", [bmi("o1", "2026-01-01", 30)], false],
  ])("%s → %s", (_label, observations, expected) => {
    expect(eligible({ observations }, { triggers: bmiTrigger }).eligible).toBe(expected);
  });

  test("smoking status by value code, any time (ever smoked)", () => {
    const status = (valueCode: string, effective: string) => ({
      id: `o-${effective}`, codes: [loinc("72166-2")], status: "final", effective, valueCodes: [snomed(valueCode)],
    });
    const trigger = { observations: [{ codes: { LOINC: ["72166-2"] }, valueCodes: { SNOMED: ["8517006", "449868002"] } }] };
    expect(eligible({ observations: [status("266919005", "2024-01-01")] }, { triggers: trigger }).eligible).toBe(false);
    expect(eligible({ observations: [status("8517006", "2010-01-01"), status("266919005", "2024-01-01")] }, { triggers: trigger }).eligible).toBe(true);
  });
});
