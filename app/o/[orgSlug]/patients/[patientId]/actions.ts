"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/http/org-action";
import type { Id } from "@/lib/ids";
import { reviewEvidenceSchema } from "@/lib/patients/patient-schemas";
import { reviewPatientEvidence } from "@/lib/patients/review-patient-evidence";

// Dismiss a false match or confirm a needs-review item, then screen the patient again.
export const reviewEvidenceAction = orgAction({ permission: "screenings.review", schema: reviewEvidenceSchema }, async (input, ctx) => {
  const result = await reviewPatientEvidence(
    ctx.db,
    {
      organizationId: ctx.organization.id,
      actorUserId: ctx.actor.userId,
      patientId: input.patientId as Id<"patient">,
      screeningTypeKey: input.screeningTypeKey,
      evidenceId: input.evidenceId,
      decision: input.decision,
      confirmedDate: input.confirmedDate ?? null,
      timeZone: ctx.organization.timeZone,
    },
    { ip: ctx.meta.ip, userAgent: ctx.meta.userAgent },
  );
  revalidatePath(`/o/${ctx.organization.slug}/patients/${input.patientId}`);
  return { outcome: result.outcome };
});
