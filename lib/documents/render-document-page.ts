import "server-only";
import type { Db } from "@/db/client";
import { findDocument } from "@/db/queries/documents";
import { findEhrToken } from "@/db/queries/ehr-connections";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";
import { fetchDocumentContent } from "@/lib/sync/process-document";
import { defaultExtractionLimits } from "./extraction-result";
import { renderPdfPageToPng } from "./pdf/render-pdf-page";
import { mimeTypeByKind, sniffContentType } from "./sniff-content-type";

/**
 * One page of a document as an image, for the clinician checking evidence: the bytes are fetched
 * from Epic on demand (we keep only the text), a PDF page is rendered, a PNG or JPEG scan is sent
 * as it is. Nothing is stored. Audited as `document.viewed` with the page number.
 */
export async function renderDocumentPage(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; documentId: string; page: number },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<{ bytes: Uint8Array; contentType: string }> {
  const row = await findDocument(db, input.organizationId, input.documentId);
  if (!row || row.origin !== "ehr" || row.state !== "processed") throw new AppError("not_found", "document not found in this clinic");
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  const { client } = await getFhirClientForOrganization(db, { organizationId: input.organizationId, ...(token?.status === "active" ? { userId: input.userId } : {}) });
  const fetched = await fetchDocumentContent(client, row.ehrDocumentId, defaultExtractionLimits.maxBytes);
  if (!fetched.ok) throw new AppError("not_found", `document content unavailable (${fetched.reason})`, { publicMessage: "Epic did not return this document's file." });
  const { bytes } = fetched.content;
  const kind = sniffContentType(bytes);
  let image: { bytes: Uint8Array; contentType: string };
  if (kind === "pdf") image = { bytes: await renderPdfPageToPng(bytes, input.page, { dpi: 110, maxPixels: 4_000_000 }), contentType: "image/png" };
  else if ((kind === "png" || kind === "jpeg") && input.page === 1) image = { bytes, contentType: mimeTypeByKind[kind] };
  else throw new AppError("not_found", `no page image for ${kind} page ${input.page}`, { publicMessage: "This page cannot be shown as an image." });
  await recordAuditEvent(db, { ...audit, actorUserId: input.userId, organizationId: input.organizationId }, {
    action: "document.viewed",
    targetType: "document",
    targetIds: [row.id],
    metadata: { patientId: row.patientId, what: "page", page: input.page },
  });
  return image;
}
