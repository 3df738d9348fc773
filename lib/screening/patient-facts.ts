import { z } from "zod";
import { factDateSchema, isoDateSchema } from "./calendar-date";

/**
 * What the engine knows about one patient, in domain terms (not FHIR). lib/fhir maps Epic resources
 * to this shape; documents come from lib/documents. Dates are clinic-local calendar dates; event
 * dates may be partial (YYYY, YYYY-MM) and then count from their first day.
 */
export const sexForClinicalUseValues = ["female", "male", "unknown", "other"] as const;

export const codingSchema = z.object({
  system: z.string(),
  code: z.string(),
  display: z.string().nullish(),
});
export type FactCoding = z.infer<typeof codingSchema>;

const factDate = factDateSchema.nullable().default(null);

export const conditionFactSchema = z.object({
  id: z.string().min(1),
  codes: z.array(codingSchema).default([]),
  text: z.string().nullable().default(null),
  onset: factDate,
  abatement: factDate,
  clinicalStatus: z
    .enum(["active", "recurrence", "relapse", "inactive", "remission", "resolved", "unknown"])
    .default("unknown"),
  verificationStatus: z
    .enum(["confirmed", "provisional", "differential", "unconfirmed", "refuted", "entered-in-error"])
    .default("confirmed"),
});
export type ConditionFact = z.infer<typeof conditionFactSchema>;

/** FHIR Procedure.status values; only `completed` is evidence. */
export const procedureFactSchema = z.object({
  id: z.string().min(1),
  codes: z.array(codingSchema).default([]),
  text: z.string().nullable().default(null),
  status: z.enum([
    "preparation", "in-progress", "not-done", "on-hold", "stopped", "completed", "entered-in-error", "unknown",
  ]),
  performed: factDate,
});
export type ProcedureFact = z.infer<typeof procedureFactSchema>;

const resultStatus = z.enum([
  "registered", "partial", "preliminary", "final", "amended", "corrected", "appended", "cancelled",
  "entered-in-error", "unknown",
]);

export const observationFactSchema = z.object({
  id: z.string().min(1),
  codes: z.array(codingSchema).default([]),
  text: z.string().nullable().default(null),
  status: resultStatus,
  effective: factDate,
  valueCodes: z.array(codingSchema).default([]),
  valueNumber: z.number().nullable().default(null),
});
export type ObservationFact = z.infer<typeof observationFactSchema>;

export const diagnosticReportFactSchema = z.object({
  id: z.string().min(1),
  codes: z.array(codingSchema).default([]),
  text: z.string().nullable().default(null),
  status: resultStatus,
  effective: factDate,
});
export type DiagnosticReportFact = z.infer<typeof diagnosticReportFactSchema>;

export const immunizationFactSchema = z.object({
  id: z.string().min(1),
  codes: z.array(codingSchema).default([]),
  text: z.string().nullable().default(null),
  status: z.enum(["completed", "entered-in-error", "not-done"]),
  occurrence: factDate,
});
export type ImmunizationFact = z.infer<typeof immunizationFactSchema>;

export const documentCategories = [
  "lab", "imaging", "consult", "hospital", "procedure", "pathology", "other",
] as const;
export type DocumentCategory = (typeof documentCategories)[number];

/**
 * Where a document's serviceDate came from. `received` (upload or fax date) says when we got the
 * paper, not when the test was done, so it never completes a screening on its own.
 */
export const documentDateSources = ["ehr_service", "ehr_document", "extracted_text", "manual", "received"] as const;

export const documentFactSchema = z.object({
  id: z.string().min(1),
  category: z.enum(documentCategories),
  serviceDate: isoDateSchema.nullable(),
  dateSource: z.enum(documentDateSources).nullable().default(null),
  title: z.string().nullable().default(null),
  filename: z.string().nullable().default(null),
  text: z.string().default(""),
  /** Mean OCR confidence 0–1; null when the text came from a text layer or the EHR (not OCR). */
  confidence: z.number().min(0).max(1).nullable().default(null),
  /**
   * The pages read by OCR: the span of `text` each yielded ([start, end)) and its mean word
   * confidence 0–1. Text-layer pages are not listed. Empty when not known (documents read before
   * pages were kept): `confidence` then stands for the whole document.
   */
  ocrPages: z.array(z.object({
    page: z.number().int().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    confidence: z.number().min(0).max(1),
  })).default([]),
});
export type DocumentFact = z.infer<typeof documentFactSchema>;

export const patientFactsSchema = z.object({
  patient: z.object({
    birthDate: isoDateSchema,
    sexForClinicalUse: z.enum(sexForClinicalUseValues),
  }),
  conditions: z.array(conditionFactSchema).default([]),
  procedures: z.array(procedureFactSchema).default([]),
  observations: z.array(observationFactSchema).default([]),
  diagnosticReports: z.array(diagnosticReportFactSchema).default([]),
  immunizations: z.array(immunizationFactSchema).default([]),
  documents: z.array(documentFactSchema).default([]),
});
export type PatientFacts = z.infer<typeof patientFactsSchema>;
export type PatientFactsInput = z.input<typeof patientFactsSchema>;
