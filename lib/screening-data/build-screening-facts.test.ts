import { describe, expect, test } from "vitest";
import type { DomainConcept, PatientFacts } from "@/lib/fhir/to-domain/types";
import { buildScreeningFacts, type ScreeningDocument, type ScreeningFactsInput } from "./build-screening-facts";

const concept = (system: string | null, code: string | null, kind: string, text: string | null = null): DomainConcept =>
  ({ codings: [{ system, code, display: null, kind: kind as never }], text });
const facts: PatientFacts = {
  ehrId: "e1", birthDate: "1970-06-15", sexForClinicalUse: "female", sexSource: "sex-for-clinical-use",
  administrativeGender: "female", deceased: false, deceasedDate: null, active: true,
};
const empty = { Condition: [], Observation: [], Procedure: [], DiagnosticReport: [], Immunization: [] };
const input = (over: Partial<ScreeningFactsInput> = {}): ScreeningFactsInput =>
  ({ facts, records: empty, documents: [], timeZone: "America/New_York", ...over });
const build = (over: Partial<ScreeningFactsInput> = {}) => {
  const result = buildScreeningFacts(input(over));
  if (!result.ok) throw new Error(result.reason);
  return result.facts;
};
const doc = (over: Partial<ScreeningDocument>): ScreeningDocument => ({
  id: "doc_1", category: "procedure", serviceDate: "2024-03-02", dateSource: "text", title: "Colonoscopy report", text: "Colonoscopy to the cecum.",
  quality: 1, pageMethods: ["text-layer"], ocrPages: null, ...over,
});

describe("buildScreeningFacts: who can be screened", () => {
  test.each([
    ["no stored facts", { facts: null }, "no_patient_facts"],
    ["no birth date", { facts: { ...facts, birthDate: null } }, "no_birth_date"],
    ["partial birth date", { facts: { ...facts, birthDate: "1970" } }, "no_birth_date"],
    ["impossible birth date", { facts: { ...facts, birthDate: "1970-02-30" } }, "no_birth_date"],
    ["deceased flag", { facts: { ...facts, deceased: true } }, "deceased"],
    ["deceased date only", { facts: { ...facts, deceasedDate: "2024-01-01" } }, "deceased"],
  ])("%s → %s", (_name, over, reason) => {
    expect(buildScreeningFacts(input(over as Partial<ScreeningFactsInput>))).toEqual({ ok: false, reason });
  });

  test.each(["female", "male", "unknown", "other"] as const)("sex for clinical use %s passes through", (sex) => {
    expect(build({ facts: { ...facts, sexForClinicalUse: sex } }).patient).toEqual({ birthDate: "1970-06-15", sexForClinicalUse: sex });
  });
});

describe("buildScreeningFacts: codes and dates", () => {
  test.each([
    ["icd10cm", "http://hl7.org/fhir/sid/icd-10-cm", "ICD10CM"],
    ["snomed", "urn:oid:2.16.840.1.113883.6.96", "SNOMED"],
    ["loinc", "urn:oid:2.16.840.1.113883.6.1", "LOINC"],
    ["cvx", "http://hl7.org/fhir/sid/cvx", "CVX"],
    ["cpt", "urn:oid:2.16.840.1.113883.6.12", "CPT"],
    ["other", "urn:oid:2.16.840.1.113883.6.285", "urn:oid:2.16.840.1.113883.6.285"],
    ["epic", "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580", "urn:oid:1.2.840.114350.1.13.0.1.7.2.696580"],
  ])("%s coding → system %s", (kind, system, expected) => {
    const procedure = { ehrId: "p1", code: concept(system, "45378", kind), status: "completed", performed: "2024-03-02" };
    expect(build({ records: { ...empty, Procedure: [procedure] } }).procedures[0]?.codes).toEqual([{ system: expected, code: "45378", display: null }]);
  });

  test("codings without a code are dropped; the concept text stays", () => {
    const procedure = { ehrId: "p1", code: concept(null, null, "other", "Colonoscopy (outside)"), status: "completed", performed: null };
    expect(build({ records: { ...empty, Procedure: [procedure] } }).procedures[0]).toMatchObject({ codes: [], text: "Colonoscopy (outside)", performed: null });
  });

  test("statuses outside the engine's vocabulary become the safe value", () => {
    const records = {
      ...empty,
      Condition: [{ ehrId: "c1", code: concept("http://snomed.info/sct", "44054006", "snomed"), clinicalStatus: null, verificationStatus: null, onset: null, abatement: null, recordedDate: "2020-05-01" }],
      Procedure: [{ ehrId: "p1", code: concept(null, "x", "other"), status: "weird", performed: "2020" }],
      Observation: [{ ehrId: "o1", code: concept("http://loinc.org", "4548-4", "loinc"), status: null, effective: null, issued: "2024-01-02T12:00:00Z", value: { kind: "quantity", value: 6.1, unit: "%", code: null, comparator: null } }],
      DiagnosticReport: [{ ehrId: "r1", code: concept("http://loinc.org", "24604-1", "loinc"), status: "final", effective: "2023-10-01", issued: null }],
      Immunization: [{ ehrId: "i1", vaccineCode: concept("http://hl7.org/fhir/sid/cvx", "140", "cvx"), status: null, occurrence: "2024-10-01" }],
    };
    const built = build({ records });
    expect(built.conditions[0]).toMatchObject({ clinicalStatus: "unknown", verificationStatus: "confirmed", onset: "2020-05-01" });
    expect(built.procedures[0]).toMatchObject({ status: "unknown", performed: "2020" });
    expect(built.observations[0]).toMatchObject({ status: "unknown", effective: "2024-01-02", valueNumber: 6.1, valueCodes: [] });
    expect(built.diagnosticReports[0]).toMatchObject({ status: "final", effective: "2023-10-01" });
    expect(built.immunizations[0]).toMatchObject({ status: "not-done", codes: [{ system: "CVX", code: "140", display: null }] });
  });

  test("a coded observation value becomes valueCodes", () => {
    const value = { kind: "concept", concept: concept("http://snomed.info/sct", "8517006", "snomed") };
    const observation = { ehrId: "o1", code: concept("http://loinc.org", "72166-2", "loinc"), status: "final", effective: "2024-01-01", issued: null, value };
    expect(build({ records: { ...empty, Observation: [observation] } }).observations[0]?.valueCodes).toEqual([{ system: "SNOMED", code: "8517006", display: null }]);
  });
});

describe("buildScreeningFacts: documents", () => {
  test.each([
    ["text date, text layer", doc({}), { category: "procedure", serviceDate: "2024-03-02", dateSource: "extracted_text", confidence: null }],
    ["metadata date", doc({ dateSource: "metadata" }), { dateSource: "ehr_service" }],
    ["no date", doc({ serviceDate: null, dateSource: "none" }), { serviceDate: null, dateSource: null }],
    ["OCR pages keep their quality", doc({ pageMethods: ["text-layer", "ocr"], quality: 0.62 }), { confidence: 0.62, ocrPages: [] }],
    ["OCR page spans are kept, confidence clamped", doc({ pageMethods: ["text-layer", "ocr"], quality: 0.9, ocrPages: [{ page: 2, start: 27, end: 60, confidence: 1.2 }] }),
      { confidence: 0.9, ocrPages: [{ page: 2, start: 27, end: 60, confidence: 1 }] }],
    ["unknown category", doc({ category: "radiology-ish" }), { category: "other" }],
    ["no category", doc({ category: null }), { category: "other" }],
  ])("%s", (_name, document, expected) => {
    expect(build({ documents: [document] }).documents[0]).toMatchObject({ id: "doc_1", title: "Colonoscopy report", text: "Colonoscopy to the cecum.", ...expected });
  });
});
