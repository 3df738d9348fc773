import "server-only";
import type { Db } from "@/db/client";
import { findPatient } from "@/db/queries/patients";
import { listScreeningResults, upsertScreeningReview, type ScreeningReviewRow } from "@/db/queries/screenings";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { evidenceIdOf, reviewDecisionSchema } from "@/lib/screening";
import { screeningResultAad, type ScreeningResultDetails } from "./screen-patient";

export type RecordScreeningReviewInput = {
  organizationId: Id<"organization">;
  actorUserId: string;
  patientId: Id<"patient">;
  screeningTypeKey: string;
  evidenceId: string;
  decision: "dismissed" | "confirmed";
  /** Required to confirm an item that has no date of its own. */
  confirmedDate?: string | null;
};

/**
 * Stores a clinician's decision about one evidence item of the patient's latest result for a type:
 * dismiss a false match (counted or review items) or confirm a needs-review item. The item must be
 * in the stored result, so a decision always points at something the clinician was shown. The
 * decision and its audit row commit together; the next screenPatient honours it.
 */
export async function recordScreeningReview(
  db: Db,
  input: RecordScreeningReviewInput,
  audit: Omit<AuditContext, "organizationId" | "actorUserId"> = {},
): Promise<ScreeningReviewRow> {
  const decision = reviewDecisionSchema.parse({
    screeningTypeKey: input.screeningTypeKey, evidenceId: input.evidenceId, decision: input.decision, confirmedDate: input.confirmedDate ?? null,
  });
  const { organizationId, patientId } = input;
  if (!(await findPatient(db, organizationId, patientId))) throw new AppError("not_found", "patient not found in this clinic");
  const result = (await listScreeningResults(db, organizationId, patientId)).find((r) => r.screeningTypeKey === decision.screeningTypeKey);
  if (!result || !result.evidenceIds.includes(decision.evidenceId)) {
    throw new AppError("not_found", "evidence item not in the patient's current result for this type");
  }
  const details = JSON.parse(getCipher().decrypt(result.detailsEncrypted, screeningResultAad(organizationId, result.id))) as ScreeningResultDetails;
  const item = details.evidence.find((e) => evidenceIdOf(e) === decision.evidenceId)!;
  if (decision.decision === "confirmed" && item.use !== "review") {
    throw new AppError("conflict", "only a needs-review item can be confirmed", { publicMessage: "Only an item waiting for review can be confirmed." });
  }
  if (decision.decision === "confirmed" && item.date === null && decision.confirmedDate === null) {
    throw new AppError("invalid_input", "confirming an undated item needs confirmedDate", { publicMessage: "Enter the date the test was done." });
  }
  return db.transaction(async (tx) => {
    const saved = await upsertScreeningReview(tx, organizationId, {
      patientId, screeningTypeKey: decision.screeningTypeKey, evidenceId: decision.evidenceId, decision: decision.decision,
      confirmedDate: decision.confirmedDate, decidedBy: input.actorUserId, decidedAt: new Date(),
    });
    // Ids and codes only: a coded fact's Epic id stays out of the log, our document ids may go in.
    await recordAuditEvent(tx, { ...audit, actorUserId: input.actorUserId, organizationId }, {
      action: "screening_review.recorded",
      targetType: "patient",
      targetIds: [patientId],
      metadata: {
        screeningTypeKey: decision.screeningTypeKey, decision: decision.decision, role: item.role, source: item.source,
        documentId: item.source === "document" ? item.sourceId : null, withConfirmedDate: decision.confirmedDate !== null,
      },
    });
    return saved;
  });
}
