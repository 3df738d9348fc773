import "server-only";
import type { Db } from "@/db/client";
import { updateDocument, type PatientDocumentRow } from "@/db/queries/documents";
import type { Id } from "@/lib/ids";

/**
 * Ends a document in `failed`. `message` must come from our code (extraction messages and fixed
 * phrases), never from document text or an Epic response body. Also the job failure handler's
 * last word after retries run out (reason `ocr_engine` or `fetch_failed`).
 */
export async function markDocumentFailed(
  db: Db,
  organizationId: Id<"organization">,
  documentId: Id<"document">,
  failure: { reason: string; message: string; extra?: Partial<PatientDocumentRow> },
): Promise<PatientDocumentRow> {
  return updateDocument(db, organizationId, documentId, {
    ...failure.extra,
    state: "failed",
    failureReason: failure.reason,
    failureMessage: failure.message.slice(0, 300),
    textEncrypted: null,
    processedAt: new Date(),
  });
}
