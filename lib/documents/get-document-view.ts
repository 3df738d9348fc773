import "server-only";
import type { Db } from "@/db/client";
import { findDocument } from "@/db/queries/documents";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { syncAad } from "@/lib/sync/sync-aad";

export type DocumentView = {
  id: Id<"document">;
  patientId: Id<"patient">;
  title: string | null;
  category: string | null;
  serviceDate: string | null;
  state: string;
  failureReason: string | null;
  /** Page images can be shown (PDFs and scans); text documents have only their text. */
  hasPageImages: boolean;
  pages: number;
  text: string | null;
};

const imageKinds = new Set(["pdf", "png", "jpeg", "tiff"]);

/**
 * One of the clinic's Epic documents as read, so a clinician can check the evidence drawn from it
 * before deciding: title, date, the text we extracted. Audited as `document.viewed` (ids only).
 */
export async function getDocumentView(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; documentId: string },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<DocumentView> {
  const row = await findDocument(db, input.organizationId, input.documentId);
  if (!row || row.origin !== "ehr") throw new AppError("not_found", "document not found in this clinic");
  const cipher = getCipher();
  await recordAuditEvent(db, { ...audit, actorUserId: input.userId, organizationId: input.organizationId }, {
    action: "document.viewed",
    targetType: "document",
    targetIds: [row.id],
    metadata: { patientId: row.patientId, what: "text" },
  });
  return {
    id: row.id,
    patientId: row.patientId,
    title: row.titleEncrypted ? cipher.decrypt(row.titleEncrypted, syncAad.documentTitle(row.id)) : null,
    category: row.category,
    serviceDate: row.serviceDate,
    state: row.state,
    failureReason: row.failureReason,
    hasPageImages: row.state === "processed" && imageKinds.has(row.detectedType ?? ""),
    pages: row.pages ?? 0,
    text: row.textEncrypted ? cipher.decrypt(row.textEncrypted, syncAad.documentText(row.id)) : null,
  };
}
