import type { DocumentProcessRequested } from "@/lib/jobs/events";
import type { ProcessDocumentResult } from "@/lib/sync/process-document";
import {
  failDocumentAfterRetries,
  runDocumentFinishStep,
  runDocumentPageStep,
  runDocumentPlanStep,
} from "@/lib/sync/run-document-processing";
import { documentProcessRequested } from "../events";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";
import { requestScreeningAfterDocument } from "./screen-patient";

const summary = (result: ProcessDocumentResult) => ({
  documentId: result.documentId,
  state: result.state,
  reason: result.reason,
  cached: result.cached,
  pages: result.pages,
});

/**
 * Reads one document to a terminal state, one step per OCR page: `plan-document` (claim, fetch,
 * cache lookup, text layer), `ocr-page-N` for each page that needs OCR, `finish-document`
 * (assemble, classify, store). A long scan thus never needs one long invocation, and a retry
 * resumes after the pages already read. Step outputs are ids, counts and confidence; page text
 * travels through the database, encrypted. OCR is the expensive part, so only two run per clinic
 * at once; bad documents end `failed` inside a step, and the failure handler ends those whose
 * retries ran out (Epic down, OCR engine broken).
 */
export function processDocumentJob(deps: JobDeps) {
  return defineJob<DocumentProcessRequested>({
    id: "process-document",
    event: documentProcessRequested,
    retries: 3,
    concurrencyPerClinic: 2,
    idempotency: { cel: "event.data.documentId + '-' + event.data.requestId", key: (data) => `${data.documentId}-${data.requestId}` },
    handler: async ({ event, step }) => {
      // A processed document may hold new evidence: its patient is screened again.
      const done = async (result: ProcessDocumentResult) => {
        await requestScreeningAfterDocument(deps, step, event.data, result);
        return summary(result);
      };
      const planned = await step.run("plan-document", async () => runDocumentPlanStep(await deps.context(), event.data));
      if ("done" in planned) return done(planned.done);
      const { plan } = planned;
      for (const page of plan.ocrPages) {
        const read = await step.run(`ocr-page-${page}`, async () => runDocumentPageStep(await deps.context(), event.data, plan, page));
        if ("done" in read) return done(read.done);
      }
      return done(await step.run("finish-document", async () => runDocumentFinishStep(await deps.context(), event.data, plan)));
    },
    onFailure: async ({ data, error, step }) =>
      step.run("mark-document-failed", async () => failDocumentAfterRetries(await deps.context(), data, error)),
  });
}
