import "server-only";
import type { Db } from "@/db/client";
import { deletePageTexts, findDocument, findPageText, listPageTexts, savePageText, type PatientDocumentRow } from "@/db/queries/documents";
import { getCipher } from "@/lib/crypto";
import { hashContent } from "@/lib/documents/content-hash";
import { normalizeExtractedText } from "@/lib/documents/decode-text";
import {
  assemblePages,
  isPagedKind,
  planDocumentPages,
  readPageWithOcr,
  toExtractionFailure,
  type PagedKind,
} from "@/lib/documents/extract-document-pages";
import { cacheableFailureReasons, defaultExtractionLimits, type ExtractionLimits, type ExtractionResult, type PageMethod } from "@/lib/documents/extraction-result";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import { createDbExtractionStore } from "@/lib/documents/store-extraction-results";
import { AppError } from "@/lib/errors";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { markDocumentFailed } from "./mark-document-failed";
import {
  claimDocumentForProcessing,
  completeDocument,
  documentOutcome,
  fetchDocumentContent,
  fetchDocumentReference,
  type DocumentContent,
  type ProcessDocumentResult,
} from "./process-document";

/**
 * processDocument as durable job steps, so a long scanned document survives serverless time limits
 * and a retry resumes where it stopped:
 *
 *   plan-document    claim, fetch, hash; a cache hit or a document without OCR pages ends here.
 *                    Otherwise the text-layer pages are stored and the OCR page numbers returned.
 *   ocr-page-N       one per page that needs OCR: render (PDF) or cut (TIFF) the page, OCR it,
 *                    store the text encrypted in document_page_texts. A page already stored for
 *                    these bytes is not read again.
 *   finish-document  assemble the pages, cache the result by content hash, classify, store.
 *
 * Step outputs carry ids, counts, the content hash and confidence; page text goes through the
 * database only (encrypted), never through the job engine.
 */
export type DocumentStepInput = {
  db: Db;
  organizationId: Id<"organization">;
  client: FhirClient;
  documentId: Id<"document">;
  /** Clinic-local today (YYYY-MM-DD): a service date after it is ignored. */
  asOf: string;
  limits?: Partial<ExtractionLimits>;
};

/** What the planning step hands the page steps: ids and counts only. */
export type DocumentOcrPlan = {
  documentId: Id<"document">;
  contentHash: string;
  kind: PagedKind;
  pages: number;
  ocrPages: number[];
};

export type PlanStepOutput = { done: ProcessDocumentResult } | { plan: DocumentOcrPlan };
export type PageStepOutput = { done: ProcessDocumentResult } | { page: number; confidence: number; chars: number; resumed: boolean };

export const pageAad = (documentId: string, contentHash: string, page: number) => `document_page_texts.text:${documentId}:${contentHash}:${page}`;

/**
 * Bytes of documents being read here, so consecutive page steps on a warm instance (and every step
 * in embedded mode) do not download the document again. Keyed by document and content hash, so a
 * hit is always the planned bytes; bounded by total size.
 */
const recentBytes = new Map<string, Uint8Array>();
const recentBytesLimit = 64 * 1024 * 1024;
function rememberBytes(key: string, bytes: Uint8Array) {
  recentBytes.delete(key);
  recentBytes.set(key, bytes);
  let total = [...recentBytes.values()].reduce((sum, b) => sum + b.length, 0);
  for (const [oldest, value] of recentBytes) {
    if (total <= recentBytesLimit || oldest === key) break;
    recentBytes.delete(oldest);
    total -= value.length;
  }
}

function limitsOf(input: DocumentStepInput) {
  return { ...defaultExtractionLimits, ...input.limits };
}

async function saveToExtractionCache(input: DocumentStepInput, contentHash: string, result: ExtractionResult) {
  // Same rule as createExtractionCache: limit and timeout failures depend on settings, not bytes.
  if (result.ok || cacheableFailureReasons.has(result.reason)) await createDbExtractionStore(input.db, input.organizationId).set(contentHash, result);
}

async function endWith(input: DocumentStepInput, row: PatientDocumentRow, content: Pick<DocumentContent, "resource" | "declared">, contentHash: string, result: ExtractionResult, cached: boolean) {
  const { resource, declared } = content;
  const outcome = await completeDocument(input.db, input.organizationId, row, { resource, declared, contentHash, result, cached, asOf: input.asOf });
  await deletePageTexts(input.db, input.organizationId, row.id);
  return outcome;
}

/** Step 1: claim, fetch and plan. Ends the document here unless pages need OCR. */
export async function planDocumentProcessing(input: DocumentStepInput): Promise<PlanStepOutput> {
  const { db, organizationId } = input;
  const claimed = await claimDocumentForProcessing(db, organizationId, input.documentId);
  if ("outcome" in claimed) return { done: claimed.outcome };
  const { row } = claimed;
  const limits = limitsOf(input);
  const fetched = await fetchDocumentContent(input.client, row.ehrDocumentId, limits.maxBytes);
  if (!fetched.ok) return { done: documentOutcome(await markDocumentFailed(db, organizationId, row.id, fetched)) };
  const content = fetched.content;
  const contentHash = hashContent(content.bytes);

  const stored = await createDbExtractionStore(db, organizationId).get(contentHash);
  if (stored) return { done: await endWith(input, row, content, contentHash, stored, true) };

  const plan = await planDocumentPages(content.bytes, { declaredContentType: content.declared, limits });
  if (!plan.ok) {
    await saveToExtractionCache(input, contentHash, plan);
    return { done: await endWith(input, row, content, contentHash, plan, false) };
  }
  const ocrPages = plan.pages.filter((page) => page.needsOcr).map((page) => page.number);
  if (ocrPages.length === 0 || !isPagedKind(plan.kind)) {
    const result = assemblePages(plan.pages.flatMap((page) => (page.needsOcr ? [] : [page])), plan.kind);
    await saveToExtractionCache(input, contentHash, result);
    return { done: await endWith(input, row, content, contentHash, result, false) };
  }

  // Pages of other bytes (the document changed since an interrupted run) must not mix in.
  await deletePageTexts(db, organizationId, row.id, contentHash);
  const cipher = getCipher();
  for (const page of plan.pages) {
    if (page.needsOcr) continue;
    await savePageText(db, organizationId, {
      documentId: row.id,
      contentHash,
      pageNumber: page.number,
      method: page.method,
      confidence: page.confidence,
      textEncrypted: cipher.encrypt(page.text, pageAad(row.id, contentHash, page.number)),
    });
  }
  rememberBytes(`${row.id}:${contentHash}`, content.bytes);
  return { plan: { documentId: row.id, contentHash, kind: plan.kind, pages: plan.pages.length, ocrPages } };
}

/** The planned bytes again: from this process when it read them last, else from Epic (checked by hash). */
async function loadPlannedContent(input: DocumentStepInput, row: PatientDocumentRow, contentHash: string) {
  const fetched = await fetchDocumentContent(input.client, row.ehrDocumentId, limitsOf(input).maxBytes);
  if (!fetched.ok) return fetched;
  if (hashContent(fetched.content.bytes) !== contentHash) {
    return { ok: false as const, reason: "changed", message: "The document changed in Epic while it was being read; it will be read again on the next sync." };
  }
  return fetched;
}

async function findProcessingRow(input: DocumentStepInput): Promise<{ row: PatientDocumentRow } | { done: ProcessDocumentResult }> {
  const row = await findDocument(input.db, input.organizationId, input.documentId);
  if (!row) throw new AppError("not_found", "document not found in this clinic");
  // Ended elsewhere (another run, or the failure handler): nothing left to do here.
  if (row.state !== "processing") return { done: documentOutcome(row) };
  return { row };
}

/** Step 2 (one per OCR page): read one page and store its text. */
export async function ocrDocumentPage(input: DocumentStepInput & { ocr: OcrProvider; plan: DocumentOcrPlan; page: number }): Promise<PageStepOutput> {
  const { db, organizationId, plan, page } = input;
  const found = await findProcessingRow(input);
  if ("done" in found) return found;
  const { row } = found;
  const key = { documentId: row.id, contentHash: plan.contentHash, pageNumber: page };
  const already = await findPageText(db, organizationId, key);
  if (already) {
    const chars = normalizeExtractedText(getCipher().decrypt(already.textEncrypted, pageAad(row.id, plan.contentHash, page))).length;
    return { page, confidence: already.confidence, chars, resumed: true };
  }

  let bytes = recentBytes.get(`${row.id}:${plan.contentHash}`);
  if (!bytes) {
    const loaded = await loadPlannedContent(input, row, plan.contentHash);
    if (!loaded.ok) {
      await deletePageTexts(db, organizationId, row.id);
      return { done: documentOutcome(await markDocumentFailed(db, organizationId, row.id, loaded)) };
    }
    bytes = loaded.content.bytes;
    rememberBytes(`${row.id}:${plan.contentHash}`, bytes);
  }
  let text: string;
  let confidence: number;
  try {
    ({ text, confidence } = await readPageWithOcr(bytes, plan.kind, page, { limits: limitsOf(input), ocr: input.ocr }));
  } catch (error) {
    // The page cannot be read (timeout, undecodable): the document fails as a whole, as in one pass.
    const failure = toExtractionFailure(error, plan.kind);
    await saveToExtractionCache(input, plan.contentHash, failure);
    const failed = await markDocumentFailed(db, organizationId, row.id, {
      reason: failure.reason,
      message: failure.message,
      extra: { contentHash: plan.contentHash, fromCache: false, detectedType: plan.kind },
    });
    await deletePageTexts(db, organizationId, row.id);
    recentBytes.delete(`${row.id}:${plan.contentHash}`);
    return { done: documentOutcome(failed) };
  }
  confidence = Math.round(confidence * 1000) / 1000;
  await savePageText(db, organizationId, {
    ...key,
    method: "ocr",
    confidence,
    textEncrypted: getCipher().encrypt(text, pageAad(row.id, plan.contentHash, page)),
  });
  return { page, confidence, chars: normalizeExtractedText(text).length, resumed: false };
}

/** Step 3: assemble the stored pages, cache, classify and store; ends the document. */
export async function finishDocumentProcessing(input: DocumentStepInput & { plan: DocumentOcrPlan }): Promise<ProcessDocumentResult> {
  const { db, organizationId, plan } = input;
  const found = await findProcessingRow(input);
  if ("done" in found) return found.done;
  const { row } = found;
  const rows = await listPageTexts(db, organizationId, row.id, plan.contentHash);
  const missing = Array.from({ length: plan.pages }, (_, i) => i + 1).filter((n) => !rows.some((r) => r.pageNumber === n));
  // Cannot happen unless rows were deleted under a running job; throwing lets the job retry from the plan.
  if (missing.length > 0) throw new AppError("internal", `document pages missing before assembly: ${missing.length}`);
  const cipher = getCipher();
  const pages = rows.map((r) => ({
    number: r.pageNumber,
    text: cipher.decrypt(r.textEncrypted, pageAad(row.id, plan.contentHash, r.pageNumber)),
    method: r.method as PageMethod,
    confidence: r.confidence,
  }));
  const result = assemblePages(pages, plan.kind);
  await saveToExtractionCache(input, plan.contentHash, result);
  // Title and dates come from the DocumentReference: read it again (small); the bytes are not needed.
  const reference = await fetchDocumentReference(input.client, row.ehrDocumentId);
  recentBytes.delete(`${row.id}:${plan.contentHash}`);
  if (!reference.ok) {
    await deletePageTexts(db, organizationId, row.id);
    return documentOutcome(await markDocumentFailed(db, organizationId, row.id, reference));
  }
  return endWith(input, row, reference, plan.contentHash, result, false);
}
