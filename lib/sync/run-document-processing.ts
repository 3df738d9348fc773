import "server-only";
import { deletePageTexts } from "@/db/queries/documents";
import { localDate } from "@/lib/dates/local-date";
import type { DocumentProcessRequested } from "@/lib/jobs/events";
import type { Id } from "@/lib/ids";
import { markDocumentFailed } from "./mark-document-failed";
import { processDocument } from "./process-document";
import {
  finishDocumentProcessing,
  ocrDocumentPage,
  planDocumentProcessing,
  type DocumentOcrPlan,
  type DocumentStepInput,
} from "./process-document-steps";
import { findClinic, type SyncJobContext } from "./sync-job-context";

/** The whole document in one call (CLI, tests). Returns the terminal state and counts, never text. */
export async function runDocumentProcessing(ctx: SyncJobContext, data: DocumentProcessRequested) {
  return processDocument({ ...(await stepInput(ctx, data)), ocr: await ctx.getOcr() });
}

async function stepInput(ctx: SyncJobContext, data: DocumentProcessRequested): Promise<DocumentStepInput> {
  const organizationId = data.organizationId as Id<"organization">;
  const clinic = await findClinic(ctx.db, organizationId);
  const { client } = await ctx.getFhirClient(ctx.db, { organizationId });
  return { db: ctx.db, organizationId, client, documentId: data.documentId as Id<"document">, asOf: localDate(clinic.timeZone, ctx.now()) };
}

/** process-document step `plan-document`: ends the document, or returns the pages to OCR (ids and counts). */
export async function runDocumentPlanStep(ctx: SyncJobContext, data: DocumentProcessRequested) {
  return planDocumentProcessing(await stepInput(ctx, data));
}

/** process-document step `ocr-page-N`: one page read and stored encrypted; returns page, confidence, chars. */
export async function runDocumentPageStep(ctx: SyncJobContext, data: DocumentProcessRequested, plan: DocumentOcrPlan, page: number) {
  return ocrDocumentPage({ ...(await stepInput(ctx, data)), ocr: await ctx.getOcr(), plan, page });
}

/** process-document step `finish-document`: assemble, classify, store. */
export async function runDocumentFinishStep(ctx: SyncJobContext, data: DocumentProcessRequested, plan: DocumentOcrPlan) {
  return finishDocumentProcessing({ ...(await stepInput(ctx, data)), plan });
}

/** After the last retry: Epic stayed unreachable or the OCR engine would not run. */
export async function failDocumentAfterRetries(ctx: SyncJobContext, data: DocumentProcessRequested, error: unknown) {
  const engine = error instanceof Error && error.name === "OcrFailedError";
  const organizationId = data.organizationId as Id<"organization">;
  const documentId = data.documentId as Id<"document">;
  await markDocumentFailed(ctx.db, organizationId, documentId, {
    reason: engine ? "ocr_engine" : "fetch_failed",
    message: engine ? "The OCR engine could not run; the document will be read on the next sync." : "Epic could not be reached after several attempts.",
  });
  // A failed document holds no text, partial pages included.
  await deletePageTexts(ctx.db, organizationId, documentId);
  return { documentId: data.documentId, state: "failed" as const };
}
