import { z } from "zod";
import { codeSetSchema } from "./code-set";
import { conceptIds } from "./concepts/clinical-concepts";
import { frequencySchema } from "./frequency";
import { compactPhrase } from "./normalize-text";
import { documentCategories } from "./patient-facts";

/**
 * A screening type is versioned data (presets, import/export JSON, one row per clinic). Nothing about
 * behaviour is parsed from its name: family, rank and every rule are explicit fields.
 */
// Keyword phrases need 3+ letters or digits and not only digits, so "CT" or "2024" cannot match everywhere.
export const keywordPhraseSchema = z
  .string()
  .trim()
  .max(120)
  .refine((phrase) => compactPhrase(phrase).length >= 3 && !/^\d+$/.test(compactPhrase(phrase)), {
    message: "must have at least 3 letters or digits, and not only digits",
  });

export const keywordSchema = z.object({
  term: keywordPhraseSchema,
  synonyms: z.array(keywordPhraseSchema).max(50).default([]),
  /** Longer phrases containing the term that name something else ("virtual colonoscopy"). */
  blockers: z.array(keywordPhraseSchema).max(50).default([]),
});
export type Keyword = z.infer<typeof keywordSchema>;

/** A coded observation that triggers eligibility, e.g. smoking status = former smoker, or BMI ≥ 25. */
export const observationTriggerSchema = z.object({
  codes: codeSetSchema,
  valueCodes: codeSetSchema.prefault({}),
  minValue: z.number().nullable().default(null),
  /** true: only the most recent such observation counts (current BMI); false: any ever (ever smoked). */
  latestOnly: z.boolean().default(false),
});
export type ObservationTrigger = z.infer<typeof observationTriggerSchema>;

export const triggerSchema = z.object({
  /** Coded conditions; ICD-10-CM entries are prefixes. */
  codes: codeSetSchema.prefault({}),
  /** Text fallback, used only for conditions with no ICD-10-CM or SNOMED coding. */
  synonyms: z.array(keywordPhraseSchema).default([]),
  observations: z.array(observationTriggerSchema).default([]),
  /** Count resolved/inactive conditions too ("ever smoked"), not just active ones. */
  includeResolved: z.boolean().default(false),
});
export type Trigger = z.infer<typeof triggerSchema>;

/**
 * Rule for a sex-specific type when sex for clinical use is unknown or other: `include` evaluates as
 * eligible, `exclude` makes the patient not eligible, `review` (default) evaluates as eligible and
 * turns any non-complete result into needs_review, because only a clinician can say whether the organ
 * screened is present. The original app silently excluded these patients.
 */
export const unknownSexRules = ["include", "exclude", "review"] as const;

export const eligibilitySchema = z
  .object({
    /** Inclusive whole years of age on asOf. */
    minAge: z.number().int().min(0).max(150).nullable().default(null),
    maxAge: z.number().int().min(0).max(150).nullable().default(null),
    sex: z.enum(["any", "female", "male"]).default("any"),
    unknownSexRule: z.enum(unknownSexRules).default("review"),
    /** null: the general population in the age and sex range. Otherwise any trigger must match. */
    triggers: triggerSchema.nullable().default(null),
    /** Shown with the reasons when the engine cannot check a criterion itself (e.g. pack-years). */
    note: z.string().max(300).nullable().default(null),
  })
  .refine((e) => e.minAge === null || e.maxAge === null || e.minAge <= e.maxAge, {
    path: ["maxAge"],
    message: "must not be below the minimum age",
  });

export const evidenceCriteriaSchema = z.object({
  /** Clinical concepts whose shared code lists count (lib/screening/concepts), besides `codes`. */
  concepts: z.array(z.enum(conceptIds)).max(20).default([]),
  codes: codeSetSchema.prefault({}),
  keywords: z.array(keywordSchema).max(50).default([]),
  documentCategories: z.array(z.enum(documentCategories)).default([...documentCategories]),
});

export const exclusionCriteriaSchema = z.object({
  codes: codeSetSchema.prefault({}),
  phrases: z.array(keywordPhraseSchema).default([]),
});

export const timingSchema = z.object({
  dueSoonDays: z.number().int().min(0).max(730).nullable().default(null),
  overdueAfterDays: z.number().int().min(0).max(3650).nullable().default(null),
});

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case words joined by hyphens").max(80);

export const screeningTypeSchema = z.object({
  key: slug,
  version: z.number().int().min(1),
  name: z.string().trim().min(2).max(100),
  /** Variants of one screening share a family; a higher rank is more specific and wins ties. */
  family: z.object({ id: slug, rank: z.number().int().min(0).max(1000) }).nullable().default(null),
  eligibility: eligibilitySchema.prefault({}),
  frequency: frequencySchema,
  evidence: evidenceCriteriaSchema.prefault({}),
  exclusions: exclusionCriteriaSchema.prefault({}),
  timing: timingSchema.prefault({}),
});
export type ScreeningType = z.infer<typeof screeningTypeSchema>;
export type ScreeningTypeInput = z.input<typeof screeningTypeSchema>;

export const screeningPresetSchema = z
  .object({
    key: slug,
    version: z.number().int().min(1),
    name: z.string().min(2).max(120),
    source: z.string().max(300),
    types: z.array(screeningTypeSchema).min(1),
  })
  .refine((p) => new Set(p.types.map((t) => t.key)).size === p.types.length, { message: "must not list the same key twice" });
export type ScreeningPreset = z.infer<typeof screeningPresetSchema>;
export type ScreeningPresetInput = z.input<typeof screeningPresetSchema>;
