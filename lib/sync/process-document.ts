import "server-only";
import type { DocumentReference, DocumentReferenceContent } from "@medplum/fhirtypes";
import type { Db } from "@/db/client";
import { claimDocument, findDocument, updateDocument, type PatientDocumentRow } from "@/db/queries/documents";
import { getCipher } from "@/lib/crypto";
import { classifyDocument } from "@/lib/documents/classify-document";
import { createExtractionCache } from "@/lib/documents/create-extraction-cache";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { defaultExtractionLimits, type ExtractionLimits, type ExtractionResult } from "@/lib/documents/extraction-result";
import { locateOcrPages } from "@/lib/documents/locate-ocr-pages";
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

/** The job-visible outcome of a document row: ids, state, counts; never text. */
export const documentOutcome = (row: PatientDocumentRow, cached = false): ProcessDocumentResult => ({
  documentId: row.id,
  state: row.state,
  reason: row.failureReason,
  cached,
  pages: row.pages ?? 0,
});
const done = documentOutcome;

/**
 * Finds the document in this clinic and moves it to `processing`; returns the outcome instead when
 * there is nothing to do (ours, already processed or skipped, or claimed in the meantime).
 */
export async function claimDocumentForProcessing(
  db: Db,
  organizationId: Id<"organization">,
  documentId: Id<"document">,
): Promise<{ row: PatientDocumentRow } | { outcome: ProcessDocumentResult }> {
  const existing = await findDocument(db, organizationId, documentId);
  if (!existing) throw new AppError("not_found", "document not found in this clinic");
  if (existing.origin === "healthprep" || existing.state === "processed" || existing.state === "skipped") return { outcome: done(existing) };
  const row = await claimDocument(db, organizationId, existing.id);
  if (!row) return { outcome: done((await findDocument(db, organizationId, existing.id)) ?? existing) };
  return { row };
}

export type DocumentContent = { resource: DocumentReference; declared: string | null; bytes: Uint8Array };
type ContentFailure = { reason: string; message: string; extra?: Partial<PatientDocumentRow> };

/** The DocumentReference and its best content entry; transient Epic errors throw so the job retries. */
export async function fetchDocumentReference(
  client: FhirClient,
  ehrDocumentId: string,
): Promise<{ ok: true; resource: DocumentReference; entry: DocumentReferenceContent; declared: string | null } | ({ ok: false } & ContentFailure)> {
  let resource: DocumentReference;
  try {
    resource = await client.read("DocumentReference", ehrDocumentId);
  } catch (error) {
    if (isFhirError(error) && !error.transient) return { ok: false, reason: "not_in_ehr", message: "Epic no longer returns this document." };
    throw error;
  }
  const entry = pickBestContent(resource.content);
  if (!entry) return { ok: false, reason: "no_content", message: "The document has no content that can be downloaded." };
  return { ok: true, resource, entry, declared: entry.attachment.contentType ?? null };
}

/**
 * The DocumentReference and the bytes of its best content entry. What says something about the
 * document comes back as a failure; transient Epic errors throw so the job retries.
 */
export async function fetchDocumentContent(
  client: FhirClient,
  ehrDocumentId: string,
  maxBytes: number,
): Promise<{ ok: true; content: DocumentContent } | ({ ok: false } & ContentFailure)> {
  const found = await fetchDocumentReference(client, ehrDocumentId);
  if (!found.ok) return found;
  const loaded = await loadDocumentBytes(client, found.entry, maxBytes);
  if (!loaded.ok) return { ok: false, reason: loaded.reason, message: loaded.message, extra: { contentType: found.declared } };
  return { ok: true, content: { resource: found.resource, declared: found.declared, bytes: loaded.bytes } };
}

/**
 * Ends a claimed document from its extraction result: failed with the reason, or classified and
 * stored with text and title encrypted.
 */
export async function completeDocument(
  db: Db,
  organizationId: Id<"organization">,
  row: PatientDocumentRow,
  input: { resource: DocumentReference; declared: string | null; contentHash: string; result: ExtractionResult; cached: boolean; asOf: string },
): Promise<ProcessDocumentResult> {
  const { resource, result, cached } = input;
  const common = { contentType: input.declared, contentHash: input.contentHash, fromCache: cached, detectedType: result.detectedType ?? null };
  if (!result.ok) {
    const failed = await markDocumentFailed(db, organizationId, row.id, { reason: result.reason, message: result.message, extra: common });
    return { ...done(failed), cached };
  }
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
    ocrPages: locateOcrPages(result.pages),
    category: classification.category,
    serviceDate: classification.serviceDate,
    dateSource: classification.dateSource,
    titleEncrypted: title ? cipher.encrypt(title, syncAad.documentTitle(row.id)) : null,
    textEncrypted: cipher.encrypt(result.text, syncAad.documentText(row.id)),
    processedAt: new Date(),
  });
  return done(processed, cached);
}

/**
 * Reads one logged document to a terminal state: fetch the DocumentReference, pick the best content,
 * load its bytes, extract text through the clinic's content-hash cache, classify, and store text
 * and title encrypted. Bad documents end `failed` with a reason; only transient Epic errors and an
 * OCR engine that cannot run throw (the job retries, and its failure handler ends the document).
 * The process-document job runs the same stages as separate steps (process-document-steps.ts).
 */
export async function processDocument(input: ProcessDocumentInput): Promise<ProcessDocumentResult> {
  const { db, organizationId, client } = input;
  const claimed = await claimDocumentForProcessing(db, organizationId, input.documentId);
  if ("outcome" in claimed) return claimed.outcome;
  const { row } = claimed;
  const limits = { ...defaultExtractionLimits, ...input.limits };
  const fetched = await fetchDocumentContent(client, row.ehrDocumentId, limits.maxBytes);
  if (!fetched.ok) return done(await markDocumentFailed(db, organizationId, row.id, fetched));
  const { resource, declared, bytes } = fetched.content;

  const cache = createExtractionCache(createDbExtractionStore(db, organizationId));
  const { contentHash, result, cached } = await cache.getOrExtract(bytes, () =>
    extractDocumentText(bytes, { declaredContentType: declared, limits, ocr: input.ocr }),
  );
  return completeDocument(db, organizationId, row, { resource, declared, contentHash, result, cached, asOf: input.asOf });
}
