import type { DocumentProcessRequested } from "@/lib/jobs/events";
import { failDocumentAfterRetries, runDocumentProcessing } from "@/lib/sync/run-document-processing";
import { documentProcessRequested } from "../events";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";

/**
 * Reads one document to a terminal state. OCR is the expensive part, so only two run per clinic
 * at once; bad documents end `failed` inside the step, and the failure handler ends those whose
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
      const result = await step.run("process-document", async () => runDocumentProcessing(await deps.context(), event.data));
      return { documentId: result.documentId, state: result.state, reason: result.reason, cached: result.cached, pages: result.pages };
    },
    onFailure: async ({ data, error, step }) =>
      step.run("mark-document-failed", async () => failDocumentAfterRetries(await deps.context(), data, error)),
  });
}
