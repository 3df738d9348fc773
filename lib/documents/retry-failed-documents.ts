import "server-only";
import type { Db } from "@/db/client";
import { resetFailedDocuments } from "@/db/queries/documents";
import { findPatient } from "@/db/queries/patients";
import { AppError } from "@/lib/errors";
import { createId, type Id } from "@/lib/ids";
import { dispatchEvents } from "@/lib/jobs/dispatch-event";
import { documentProcessRequested } from "@/lib/jobs/events";
import { checkClinicRateLimit, rateLimitRules } from "@/lib/security/check-rate-limit";

/**
 * "Try again" for a patient's documents that failed to read: each goes back to `pending` and is read
 * again by the process-document job (which screens the patient again when it succeeds). A file that
 * is itself bad fails again the same way, from the extraction cache, at no cost.
 */
export async function retryFailedDocuments(
  db: Db,
  input: { organizationId: Id<"organization">; patientId: string },
): Promise<{ requested: number }> {
  await checkClinicRateLimit(db, rateLimitRules.prepGenerationPerClinic, input.organizationId);
  const patient = await findPatient(db, input.organizationId, input.patientId);
  if (!patient) throw new AppError("not_found", "patient not found in this clinic");
  const failed = await resetFailedDocuments(db, input.organizationId, patient.id);
  if (failed.length === 0) return { requested: 0 };
  const requestId = createId("job");
  await dispatchEvents(
    failed.map((documentId) => ({
      ...documentProcessRequested.create({ organizationId: input.organizationId, documentId, requestId }),
      id: `process-document-${documentId}-${requestId}`,
    })),
  );
  return { requested: failed.length };
}
