"use server";
import { revalidatePath } from "next/cache";
import { orgAction, type OrgActionContext } from "@/lib/http/org-action";
import type { Id } from "@/lib/ids";
import { retryFailedDocuments } from "@/lib/documents/retry-failed-documents";
import { retryDocumentsSchema, reviewEvidenceSchema, undoReviewSchema } from "@/lib/patients/patient-schemas";
import { reviewPatientEvidence } from "@/lib/patients/review-patient-evidence";
import { undoPatientEvidenceReview } from "@/lib/patients/undo-patient-evidence-review";

type EvidenceRef = { patientId: string; screeningTypeKey: string; evidenceId: string };

// A review and its undo concern one evidence item of one patient, decided by the signed-in person.
const evidenceOf = (input: EvidenceRef, ctx: OrgActionContext) => ({
  ...ctx.scope,
  patientId: input.patientId as Id<"patient">,
  screeningTypeKey: input.screeningTypeKey,
  evidenceId: input.evidenceId,
  timeZone: ctx.organization.timeZone,
});
const auditOf = (ctx: OrgActionContext) => ({ ip: ctx.meta.ip, userAgent: ctx.meta.userAgent });
const patientPath = (ctx: OrgActionContext, patientId: string) => `/o/${ctx.organization.slug}/patients/${patientId}`;

// Dismiss a false match or confirm a needs-review item, then screen the patient again.
export const reviewEvidenceAction = orgAction({ permission: "screenings.review", schema: reviewEvidenceSchema }, async (input, ctx) => {
  const result = await reviewPatientEvidence(ctx.db, { ...evidenceOf(input, ctx), decision: input.decision, confirmedDate: input.confirmedDate ?? null }, auditOf(ctx));
  revalidatePath(patientPath(ctx, input.patientId));
  return { outcome: result.outcome };
});

// "Try again" for the patient's documents that failed to read (schedule row or patient page).
export const retryDocumentsAction = orgAction({ permission: "prep_sheets.generate", schema: retryDocumentsSchema }, async (input, ctx) => {
  const result = await retryFailedDocuments(ctx.db, { organizationId: ctx.organization.id, patientId: input.patientId });
  revalidatePath(patientPath(ctx, input.patientId));
  revalidatePath(`/o/${ctx.organization.slug}/schedule`);
  return result;
});

// Undo a dismiss or confirm: the decision goes, the patient is screened again.
export const undoEvidenceReviewAction = orgAction({ permission: "screenings.review", schema: undoReviewSchema }, async (input, ctx) => {
  const result = await undoPatientEvidenceReview(ctx.db, evidenceOf(input, ctx), auditOf(ctx));
  revalidatePath(patientPath(ctx, input.patientId));
  return { outcome: result.outcome };
});
