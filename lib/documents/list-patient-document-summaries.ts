import "server-only";
import type { Db } from "@/db/client";
import { listPatientDocuments } from "@/db/queries/documents";
import { getCipher } from "@/lib/crypto";
import type { Id } from "@/lib/ids";
import { syncAad } from "@/lib/sync/sync-aad";

export type PatientDocumentSummary = {
  id: Id<"document">;
  title: string | null;
  state: "pending" | "processing" | "processed" | "failed" | "skipped";
  category: string | null;
  serviceDate: string | null;
  pages: number | null;
  /** OCR confidence 0–1 (1 when the document had a text layer). */
  confidence: number | null;
  failureReason: string | null;
};

/** A patient's Epic documents for the patient page: processing state and metadata, never the text. */
export async function listPatientDocumentSummaries(db: Db, input: { organizationId: Id<"organization">; patientId: Id<"patient"> }): Promise<PatientDocumentSummary[]> {
  const cipher = getCipher();
  const rows = await listPatientDocuments(db, input.organizationId, input.patientId);
  return rows
    .filter((row) => row.origin === "ehr")
    .map((row) => ({
      id: row.id,
      title: row.titleEncrypted ? cipher.decrypt(row.titleEncrypted, syncAad.documentTitle(row.id)) : null,
      state: row.state,
      category: row.category,
      serviceDate: row.serviceDate,
      pages: row.pages,
      confidence: row.confidence,
      failureReason: row.failureReason,
    }))
    .sort((a, b) => (b.serviceDate ?? "").localeCompare(a.serviceDate ?? "") || a.id.localeCompare(b.id));
}
