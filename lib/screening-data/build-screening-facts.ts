import { toClinicDate } from "@/lib/dates/to-clinic-date";
import type {
  CodeSystemKind,
  DomainCondition,
  DomainConcept,
  DomainDiagnosticReport,
  DomainImmunization,
  DomainObservation,
  DomainProcedure,
  PatientFacts as EhrPatientFacts,
} from "@/lib/fhir/to-domain/types";
import { parseFactDate } from "@/lib/screening/calendar-date";
import { documentCategories, patientFactsSchema, type DocumentCategory, type PatientFacts, type PatientFactsInput } from "@/lib/screening";

/** A processed document as screening reads it (text decrypted by the caller). */
export type ScreeningDocument = {
  id: string;
  category: string | null;
  serviceDate: string | null;
  /** lib/documents classification: `text`, `metadata` or `none`. */
  dateSource: string | null;
  title: string | null;
  text: string;
  /** Extraction quality 0–1 and how each page was read. */
  quality: number | null;
  pageMethods: readonly string[] | null;
  /** The OCR'd pages' spans in `text` and their confidence; null for documents read before they were kept. */
  ocrPages: readonly { page: number; start: number; end: number; confidence: number }[] | null;
};

export type ScreeningFactsInput = {
  facts: EhrPatientFacts | null;
  records: {
    Condition: readonly unknown[];
    Observation: readonly unknown[];
    Procedure: readonly unknown[];
    DiagnosticReport: readonly unknown[];
    Immunization: readonly unknown[];
  };
  documents: readonly ScreeningDocument[];
  /** The clinic's IANA zone: instants become clinic-local calendar dates. */
  timeZone: string;
};

export type BuildFactsResult = { ok: true; facts: PatientFacts } | { ok: false; reason: "no_patient_facts" | "no_birth_date" | "deceased" };

const canonicalSystems: Partial<Record<CodeSystemKind, string>> = {
  icd10cm: "ICD10CM", snomed: "SNOMED", loinc: "LOINC", cvx: "CVX", cpt: "CPT",
};
const conditionClinical = ["active", "recurrence", "relapse", "inactive", "remission", "resolved"] as const;
const conditionVerification = ["confirmed", "provisional", "differential", "unconfirmed", "refuted", "entered-in-error"] as const;
const procedureStatuses = ["preparation", "in-progress", "not-done", "on-hold", "stopped", "completed", "entered-in-error"] as const;
const resultStatuses = ["registered", "partial", "preliminary", "final", "amended", "corrected", "appended", "cancelled", "entered-in-error"] as const;
const immunizationStatuses = ["completed", "entered-in-error", "not-done"] as const;

function pick<T extends string>(allowed: readonly T[], value: string | null | undefined, fallback: T): T {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Codings with a code, systems renamed to the engine's names when recognised; others kept as sent. */
function codings(concept: DomainConcept | null | undefined) {
  return (concept?.codings ?? [])
    .filter((c) => c.code !== null && c.code.trim() !== "")
    .map((c) => ({ system: canonicalSystems[c.kind] ?? c.system ?? "", code: c.code as string, display: c.display }));
}

function documentCategory(value: string | null): DocumentCategory {
  return value && (documentCategories as readonly string[]).includes(value) ? (value as DocumentCategory) : "other";
}

// A service date read from the text or from the encounter period is the date of the service; none is none.
const documentDateSources: Record<string, "extracted_text" | "ehr_service"> = { text: "extracted_text", metadata: "ehr_service" };

/**
 * From what sync stored (lib/fhir domain records, the patient's facts, processed documents) to the
 * engine's PatientFacts. Pure. A patient without a birth date cannot be screened, and a deceased
 * one must not be: both answer `ok: false` rather than guessing.
 */
export function buildScreeningFacts(input: ScreeningFactsInput): BuildFactsResult {
  const { facts, records, timeZone } = input;
  if (!facts) return { ok: false, reason: "no_patient_facts" };
  if (facts.deceased === true || facts.deceasedDate) return { ok: false, reason: "deceased" };
  const birthDate = facts.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(facts.birthDate) && parseFactDate(facts.birthDate) ? facts.birthDate : null;
  if (!birthDate) return { ok: false, reason: "no_birth_date" };
  const date = (value: string | null | undefined) => toClinicDate(value, timeZone);

  const parsed: PatientFactsInput = {
    patient: { birthDate, sexForClinicalUse: facts.sexForClinicalUse },
    conditions: (records.Condition as DomainCondition[]).map((c) => ({
      id: c.ehrId, codes: codings(c.code), text: c.code.text, onset: date(c.onset ?? c.recordedDate), abatement: date(c.abatement),
      clinicalStatus: pick(conditionClinical, c.clinicalStatus, "unknown"),
      verificationStatus: pick(conditionVerification, c.verificationStatus, "confirmed"),
    })),
    procedures: (records.Procedure as DomainProcedure[]).map((p) => ({
      id: p.ehrId, codes: codings(p.code), text: p.code.text, status: pick(procedureStatuses, p.status, "unknown"), performed: date(p.performed),
    })),
    observations: (records.Observation as DomainObservation[]).map((o) => ({
      id: o.ehrId, codes: codings(o.code), text: o.code.text, status: pick(resultStatuses, o.status, "unknown"),
      effective: date(o.effective ?? o.issued),
      valueCodes: o.value?.kind === "concept" ? codings(o.value.concept) : [],
      valueNumber: o.value?.kind === "quantity" ? o.value.value : o.value?.kind === "integer" ? o.value.value : null,
    })),
    diagnosticReports: (records.DiagnosticReport as DomainDiagnosticReport[]).map((r) => ({
      id: r.ehrId, codes: codings(r.code), text: r.code.text, status: pick(resultStatuses, r.status, "unknown"), effective: date(r.effective ?? r.issued),
    })),
    immunizations: (records.Immunization as DomainImmunization[]).map((i) => ({
      id: i.ehrId, codes: codings(i.vaccineCode), text: i.vaccineCode.text,
      status: pick(immunizationStatuses, i.status, "not-done"), occurrence: date(i.occurrence),
    })),
    documents: input.documents.map((d) => ({
      id: d.id, category: documentCategory(d.category), serviceDate: d.serviceDate,
      dateSource: d.dateSource === null ? null : (documentDateSources[d.dateSource] ?? null), title: d.title, filename: null, text: d.text,
      // Only recognised (OCR) pages make the text uncertain; a text layer is what the document says.
      confidence: d.pageMethods?.includes("ocr") && d.quality !== null ? Math.min(1, Math.max(0, d.quality)) : null,
      ocrPages: (d.ocrPages ?? []).map((p) => ({ ...p, confidence: Math.min(1, Math.max(0, p.confidence)) })),
    })),
  };
  return { ok: true, facts: patientFactsSchema.parse(parsed) };
}
