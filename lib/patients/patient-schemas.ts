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
