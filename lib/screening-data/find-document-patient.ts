import "server-only";
import type { Db } from "@/db/client";
import { findDocument } from "@/db/queries/documents";
import type { Id } from "@/lib/ids";

/** Whose evidence a processed document changed: the patient id, or null when the row is gone. */
export async function findDocumentPatient(db: Db, organizationId: Id<"organization">, documentId: Id<"document">): Promise<{ patientId: Id<"patient"> } | null> {
  const row = await findDocument(db, organizationId, documentId);
  return row ? { patientId: row.patientId } : null;
}
