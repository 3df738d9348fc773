import { z } from "zod";
import { screeningStatuses } from "@/lib/screening";
import { windowCategories } from "./prep-sheet-settings";

/**
 * The prep sheet as data: everything the HTML page, the PDF and the Epic note show, already filtered,
 * labelled and sorted, so the three renderings cannot disagree. Plain JSON (no Dates, no undefined)
 * so it can be stored encrypted and re-rendered byte for byte later.
 */
const date = z.string(); // clinic-local YYYY-MM-DD, or YYYY / YYYY-MM for partial dates
const nullableText = z.string().nullable();

export const appointmentModelSchema = z.object({
  ehrId: z.string(),
  encounterId: nullableText,
  start: nullableText,
  /** e.g. "Tue 2026-03-03 09:30 EST", in the clinic's time zone. */
  display: nullableText,
  localDate: nullableText,
  type: nullableText,
});

export const headerModelSchema = z.object({
  patientName: z.string(),
  ehrPatientId: z.string(),
  birthDate: nullableText,
  ageYears: z.number().int().nullable(),
  sex: z.string(),
  mrn: nullableText,
  appointment: appointmentModelSchema.nullable(),
  providerName: nullableText,
  clinicName: z.string(),
  generatedDisplay: z.string(),
});

export const windowModelSchema = z.object({
  category: z.enum(windowCategories),
  kind: z.enum(["months", "since_last_visit"]),
  months: z.number().int().nullable(),
  from: date,
  usedFallback: z.boolean(),
  label: z.string(),
});

export const evidenceModelSchema = z.object({
  source: z.string(),
  sourceId: z.string(),
  date: date.nullable(),
  label: z.string(),
  needsReview: z.boolean(),
  /** Why the engine looked at it; absent on sheets stored before it was kept. */
  role: z.enum(["completion", "trigger", "exclusion"]).optional(),
  /** What to check before trusting it, when a person must ("read by OCR at 48% confidence — check page 2"). */
  check: z.string().optional(),
});

export const screeningRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  status: z.enum(screeningStatuses),
  statusLabel: z.string(),
  lastCompleted: date.nullable(),
  nextDue: date.nullable(),
  evidence: z.array(evidenceModelSchema),
  evidenceOmitted: z.number().int(),
  reason: z.string(),
});

export const measureStatuses = ["gap", "at_risk", "review", "met", "not_applicable", "not_evaluated"] as const;
export const measureRowSchema = z.object({
  measureId: z.string(),
  title: z.string(),
  status: z.enum(measureStatuses),
  lastCompleted: date.nullable(),
  nextDue: date.nullable(),
  action: nullableText,
});

export const labFlags = ["critical", "high", "low", "abnormal", "normal"] as const;
export const labRowSchema = z.object({
  ehrId: z.string(),
  date: date,
  name: z.string(),
  value: z.string(),
  unit: nullableText,
  referenceRange: nullableText,
  flag: z.enum(labFlags).nullable(),
  /** reported: the lab's interpretation; computed: from value and range when the lab gave none. */
  flagSource: z.enum(["reported", "computed"]).nullable(),
});

export const documentRowSchema = z.object({ id: z.string(), date: date, title: z.string() });

export const hospitalVisitRowSchema = z.object({
  id: z.string(),
  start: date,
  end: date.nullable(),
  kind: z.enum(["inpatient", "emergency", "observation", "document"]),
  description: z.string(),
  source: z.enum(["encounter", "document"]),
});

export const conditionRowSchema = z.object({
  ehrId: z.string(),
  name: z.string(),
  codes: z.string(),
  onset: date.nullable(),
});

export const immunizationDueRowSchema = z.object({
  key: z.string(),
  name: z.string(),
  status: z.enum(screeningStatuses),
  statusLabel: z.string(),
  lastGiven: date.nullable(),
  nextDue: date.nullable(),
});

export const immunizationGivenRowSchema = z.object({ ehrId: z.string(), date: date, name: z.string() });

export const prepSheetSchema = z.object({
  schemaVersion: z.literal(1),
  id: z.string(),
  generatedAt: z.string(),
  asOf: date,
  timeZone: z.string(),
  header: headerModelSchema,
  windows: z.array(windowModelSchema),
  screenings: z.array(screeningRowSchema),
  measures: z.object({ year: z.number().int(), rows: z.array(measureRowSchema) }),
  labs: z.array(labRowSchema),
  imaging: z.array(documentRowSchema),
  consults: z.array(documentRowSchema),
  hospitalVisits: z.array(hospitalVisitRowSchema),
  conditions: z.array(conditionRowSchema),
  immunizationsDue: z.array(immunizationDueRowSchema),
  immunizationsGiven: z.array(immunizationGivenRowSchema),
  checklist: z.array(z.string()),
  notesLines: z.number().int(),
  notices: z.array(z.string()),
});

export type PrepSheet = z.infer<typeof prepSheetSchema>;
export type PrepSheetHeader = z.infer<typeof headerModelSchema>;
export type WindowModel = z.infer<typeof windowModelSchema>;
export type ScreeningRow = z.infer<typeof screeningRowSchema>;
export type EvidenceModel = z.infer<typeof evidenceModelSchema>;
export type MeasureStatus = (typeof measureStatuses)[number];
export type MeasureRow = z.infer<typeof measureRowSchema>;
export type LabFlag = (typeof labFlags)[number];
export type LabRow = z.infer<typeof labRowSchema>;
export type DocumentRow = z.infer<typeof documentRowSchema>;
export type HospitalVisitRow = z.infer<typeof hospitalVisitRowSchema>;
export type ConditionRow = z.infer<typeof conditionRowSchema>;
export type ImmunizationDueRow = z.infer<typeof immunizationDueRowSchema>;
export type ImmunizationGivenRow = z.infer<typeof immunizationGivenRowSchema>;
