import "server-only";
import type { Db } from "@/db/client";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import { localDate } from "@/lib/dates/local-date";
import type { Id } from "@/lib/ids";
import { recordScreeningReview, type RecordScreeningReviewInput } from "@/lib/screening-data/record-screening-review";
import { screenPatient, type ScreenPatientResult } from "@/lib/screening-data/screen-patient";

/**
 * A clinician dismisses a false match or confirms a needs-review item from the patient page: the
 * decision is stored and audited, then the patient is screened again so the page shows its effect.
 */
export async function reviewPatientEvidence(
  db: Db,
  input: RecordScreeningReviewInput & { timeZone: string; now?: Date },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<ScreenPatientResult> {
  await recordScreeningReview(db, input, audit);
  return screenPatient(db, {
    organizationId: input.organizationId,
    patientId: input.patientId as Id<"patient">,
    asOf: localDate(input.timeZone, input.now ?? new Date()),
    timeZone: input.timeZone,
  });
}
