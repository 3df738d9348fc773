import "server-only";
import type { DocumentReference } from "@medplum/fhirtypes";
import type { Db } from "@/db/client";
import { claimDocument, findDocument, updateDocument, type PatientDocumentRow } from "@/db/queries/documents";
import { getCipher } from "@/lib/crypto";
import { classifyDocument } from "@/lib/documents/classify-document";
import { createExtractionCache } from "@/lib/documents/create-extraction-cache";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { defaultExtractionLimits, type ExtractionLimits } from "@/lib/documents/extraction-result";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import { pickBestContent } from "@/lib/documents/pick-best-content";
import { readDocumentMetadata } from "@/lib/documents/read-document-metadata";
import { createDbExtractionStore } from "@/lib/documents/store-extraction-results";
import { AppError } from "@/lib/errors";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { isFhirError } from "@/lib/fhir/fhir-error";
import type { Id } from "@/lib/ids";
import { loadDocumentBytes } from "./load-document-bytes";
import { markDocumentFailed } from "./mark-document-failed";
import { syncAad } from "./sync-aad";

export type ProcessDocumentInput = {
  db: Db;
  organizationId: Id<"organization">;
  client: FhirClient;
  documentId: Id<"document">;
  ocr: OcrProvider;
  /** Clinic-local today (YYYY-MM-DD): a service date after it is ignored. */
  asOf: string;
  limits?: Partial<ExtractionLimits>;
};

export type ProcessDocumentResult = {
  documentId: Id<"document">;
  state: PatientDocumentRow["state"];
  reason: string | null;
  cached: boolean;
  pages: number;
};

const done = (row: PatientDocumentRow, cached = false): ProcessDocumentResult => ({
  documentId: row.id,
  state: row.state,
  reason: row.failureReason,
  cached,
  pages: row.pages ?? 0,
});

/**
 * Reads one logged document to a terminal state: fetch the DocumentReference, pick the best content,
 * load its bytes, extract text through the clinic's content-hash cache, classify, and store text
 * and title encrypted. Bad documents end `failed` with a reason; only transient Epic errors and an
 * OCR engine that cannot run throw (the job retries, and its failure handler ends the document).
 */
export async function processDocument(input: ProcessDocumentInput): Promise<ProcessDocumentResult> {
  const { db, organizationId, client } = input;
  const existing = await findDocument(db, organizationId, input.documentId);
  if (!existing) throw new AppError("not_found", "document not found in this clinic");
  if (existing.origin === "healthprep" || existing.state === "processed" || existing.state === "skipped") return done(existing);
  const row = await claimDocument(db, organizationId, existing.id);
  if (!row) return done((await findDocument(db, organizationId, existing.id)) ?? existing);
  const fail = async (reason: string, message: string, extra: Partial<PatientDocumentRow> = {}) =>
    done(await markDocumentFailed(db, organizationId, row.id, { reason, message, extra }));

  let resource: DocumentReference;
  try {
    resource = await client.read("DocumentReference", row.ehrDocumentId);
  } catch (error) {
    if (isFhirError(error) && !error.transient) return fail("not_in_ehr", "Epic no longer returns this document.");
    throw error;
  }
  const entry = pickBestContent(resource.content);
  if (!entry) return fail("no_content", "The document has no content that can be downloaded.");
  const declared = entry.attachment.contentType ?? null;
  const limits = { ...defaultExtractionLimits, ...input.limits };
  const loaded = await loadDocumentBytes(client, entry, limits.maxBytes);
  if (!loaded.ok) return fail(loaded.reason, loaded.message, { contentType: declared });

  const cache = createExtractionCache(createDbExtractionStore(db, organizationId));
  const { contentHash, result, cached } = await cache.getOrExtract(loaded.bytes, () =>
    extractDocumentText(loaded.bytes, { declaredContentType: declared, limits, ocr: input.ocr }),
  );
  const common = { contentType: declared, contentHash, fromCache: cached, detectedType: result.detectedType ?? null };
  if (!result.ok) return { ...(await fail(result.reason, result.message, common)), cached };

  const metadata = readDocumentMetadata(resource);
  const classification = classifyDocument({ text: result.text, metadata, asOf: input.asOf });
  const title = metadata.title ?? resource.type?.text ?? resource.type?.coding?.[0]?.display ?? null;
  const cipher = getCipher();
  const processed = await updateDocument(db, organizationId, row.id, {
    ...common,
    state: "processed",
    failureReason: null,
    failureMessage: null,
    pages: result.pages.length,
    pageMethods: result.pages.map((page) => page.method),
    confidence: result.quality,
    category: classification.category,
    serviceDate: classification.serviceDate,
    dateSource: classification.dateSource,
    titleEncrypted: title ? cipher.encrypt(title, syncAad.documentTitle(row.id)) : null,
    textEncrypted: cipher.encrypt(result.text, syncAad.documentText(row.id)),
    processedAt: new Date(),
  });
  return done(processed, cached);
}
