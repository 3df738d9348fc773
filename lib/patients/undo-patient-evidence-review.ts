import "server-only";
import type { Db } from "@/db/client";
import { findPatient } from "@/db/queries/patients";
import { deleteScreeningReview } from "@/db/queries/screenings";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { localDate } from "@/lib/dates/local-date";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { screenPatient, type ScreenPatientResult } from "@/lib/screening-data/screen-patient";

/**
 * Undo on the patient page: the clinician's decision about an evidence item is removed (audited,
 * with what it was), and the patient is screened again, so the item counts or asks for review as
 * it did before.
 */
export async function undoPatientEvidenceReview(
  db: Db,
  input: { organizationId: Id<"organization">; actorUserId: string; patientId: Id<"patient">; screeningTypeKey: string; evidenceId: string; timeZone: string; now?: Date },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<ScreenPatientResult> {
  const { organizationId, patientId } = input;
  if (!(await findPatient(db, organizationId, patientId))) throw new AppError("not_found", "patient not found in this clinic");
  await db.transaction(async (tx) => {
    const removed = await deleteScreeningReview(tx, organizationId, { patientId, screeningTypeKey: input.screeningTypeKey, evidenceId: input.evidenceId });
    if (!removed) throw new AppError("not_found", "no decision to undo", { publicMessage: "There is no decision to undo; the page may be out of date." });
    await recordAuditEvent(tx, { ...audit, actorUserId: input.actorUserId, organizationId }, {
      action: "screening_review.undone",
      targetType: "patient",
      targetIds: [patientId],
      metadata: { screeningTypeKey: input.screeningTypeKey, decision: removed.decision, decidedBy: removed.decidedBy },
    });
  });
  return screenPatient(db, { organizationId, patientId, asOf: localDate(input.timeZone, input.now ?? new Date()), timeZone: input.timeZone });
}
