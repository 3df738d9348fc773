import { z } from "zod";

/** Data categories whose rows are limited to a recent window on the sheet. */
export const windowCategories = ["labs", "imaging", "consults", "hospital", "immunizations"] as const;
export type WindowCategory = (typeof windowCategories)[number];

/**
 * A category's window: the last N months, or everything since the patient's last completed visit.
 * "since_last_visit" needs a fallback because new patients have no prior visit (the original used 6).
 */
export const windowSettingSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("months"), months: z.number().int().min(1).max(120) }),
  z.object({ kind: z.literal("since_last_visit"), fallbackMonths: z.number().int().min(1).max(120).default(6) }),
]);
export type WindowSetting = z.infer<typeof windowSettingSchema>;

const months = (n: number) => windowSettingSchema.default({ kind: "months", months: n });

/** A quality measure closed by a screening (matched by type key or family id). */
export const measureSettingSchema = z.object({
  measureId: z.string().trim().min(1).max(40),
  title: z.string().trim().min(1).max(120),
  screeningKey: z.string().min(1),
  /** What closes the gap, shown to the provider; a generic sentence is used when absent. */
  closeGapAction: z.string().trim().max(200).nullable().default(null),
});
export type MeasureSetting = z.infer<typeof measureSettingSchema>;

export const defaultChecklist = [
  "Obtain vital signs (weight, height, BP, temperature)",
  "Review current medications and allergies",
  "Verify insurance and contact information",
  "Review screening recommendations",
  "Review recent lab and imaging results",
  "Update care plan and next steps",
];

export const prepSheetSettingsSchema = z.object({
  /** Off by default: the MRN is an identifier that printed sheets and notes should not carry unasked. */
  showMrn: z.boolean().default(false),
  /** Identifier systems that hold the clinic's MRN; an identifier typed MR is used when none match. */
  mrnSystems: z.array(z.string()).default([]),
  windows: z
    .object({
      labs: months(12),
      imaging: months(12),
      consults: months(12),
      hospital: months(12),
      immunizations: months(12),
    })
    .prefault({}),
  measures: z.array(measureSettingSchema).default([]),
  /** Screening type keys or family ids that are vaccines: listed under "Immunizations due". */
  immunizationKeys: z.array(z.string()).default([]),
  checklist: z.array(z.string().trim().min(1).max(200)).max(30).default(defaultChecklist),
  notesLines: z.number().int().min(0).max(40).default(8),
  /** Evidence items shown per screening; the rest are counted, not listed. */
  maxEvidencePerScreening: z.number().int().min(1).max(20).default(3),
});
export type PrepSheetSettings = z.infer<typeof prepSheetSettingsSchema>;
export type PrepSheetSettingsInput = z.input<typeof prepSheetSettingsSchema>;

export const defaultPrepSheetSettings: PrepSheetSettings = prepSheetSettingsSchema.parse({});
