import { z } from "zod";
import { orgSlugSchema } from "@/lib/organizations/organization-schemas";

export const patientIdSchema = z.string().regex(/^pat_[0-9A-Z]{26}$/);

export const reviewEvidenceSchema = z.object({
  orgSlug: orgSlugSchema,
  patientId: patientIdSchema,
  screeningTypeKey: z.string().min(1).max(100),
  evidenceId: z.string().min(1).max(300),
  decision: z.enum(["dismissed", "confirmed"]),
  confirmedDate: z.iso.date().optional().or(z.literal("").transform(() => undefined)),
});

/** The Patients page's query string: an optional name search and a page number (bad values fall back). */
export const patientDirectoryQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined).transform((q) => (q ? q : undefined)),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

export const retryDocumentsSchema = z.object({ orgSlug: orgSlugSchema, patientId: patientIdSchema });

export const documentIdSchema = z.string().regex(/^doc_[0-9A-Z]{26}$/);
/** A document page to show (1-based); the first when not given. */
export const documentPageSchema = z.coerce.number().int().min(1).max(500).default(1);

/** Undo a clinician's decision about one evidence item (the decision row goes; the patient is screened again). */
export const undoReviewSchema = z.object({
  orgSlug: orgSlugSchema,
  patientId: patientIdSchema,
  screeningTypeKey: z.string().min(1).max(100),
  evidenceId: z.string().min(1).max(300),
});
