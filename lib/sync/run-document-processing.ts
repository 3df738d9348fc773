import "server-only";
import { localDate } from "@/lib/dates/local-date";
import type { DocumentProcessRequested } from "@/lib/jobs/events";
import type { Id } from "@/lib/ids";
import { markDocumentFailed } from "./mark-document-failed";
import { processDocument } from "./process-document";
import { findClinic, type SyncJobContext } from "./sync-job-context";

/** The process-document job step. Returns the terminal state and counts, never text. */
export async function runDocumentProcessing(ctx: SyncJobContext, data: DocumentProcessRequested) {
  const organizationId = data.organizationId as Id<"organization">;
  const clinic = await findClinic(ctx.db, organizationId);
  const { client } = await ctx.getFhirClient(ctx.db, { organizationId });
  return processDocument({
    db: ctx.db,
    organizationId,
    client,
    documentId: data.documentId as Id<"document">,
    ocr: await ctx.getOcr(),
    asOf: localDate(clinic.timeZone, ctx.now()),
  });
}

/** After the last retry: Epic stayed unreachable or the OCR engine would not run. */
export async function failDocumentAfterRetries(ctx: SyncJobContext, data: DocumentProcessRequested, error: unknown) {
  const engine = error instanceof Error && error.name === "OcrFailedError";
  await markDocumentFailed(ctx.db, data.organizationId as Id<"organization">, data.documentId as Id<"document">, {
    reason: engine ? "ocr_engine" : "fetch_failed",
    message: engine ? "The OCR engine could not run; the document will be read on the next sync." : "Epic could not be reached after several attempts.",
  });
  return { documentId: data.documentId, state: "failed" as const };
}
