import "server-only";
import type { Db } from "@/db/client";
import { listPatientDocuments } from "@/db/queries/documents";
import { getCipher } from "@/lib/crypto";
import type { Id } from "@/lib/ids";
import { syncAad } from "@/lib/sync/sync-aad";
import type { ScreeningDocument } from "./build-screening-facts";

/** A patient's processed Epic documents with title and text decrypted, for one evaluation only. */
export async function loadScreeningDocuments(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">): Promise<ScreeningDocument[]> {
  const cipher = getCipher();
  const rows = await listPatientDocuments(db, organizationId, patientId);
  return rows
    .filter((row) => row.state === "processed" && row.origin === "ehr" && row.textEncrypted !== null)
    .map((row) => ({
      id: row.id,
      category: row.category,
      serviceDate: row.serviceDate,
      dateSource: row.dateSource,
      title: row.titleEncrypted ? cipher.decrypt(row.titleEncrypted, syncAad.documentTitle(row.id)) : null,
      text: cipher.decrypt(row.textEncrypted!, syncAad.documentText(row.id)),
      quality: row.confidence,
      pageMethods: row.pageMethods,
      ocrPages: row.ocrPages,
    }));
}
