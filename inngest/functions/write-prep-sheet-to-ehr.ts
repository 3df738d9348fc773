import { AppError } from "@/lib/errors";
import { prepSheetWriteRequested, type PrepSheetWriteRequested } from "@/lib/jobs/events";
import { runPrepSheetWrite } from "@/lib/writeback/run-prep-sheet-write";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";

const settleRounds = 3;

/**
 * Writes one prep sheet to Epic through the write-back ledger. The step is safe to retry: the
 * ledger, not the job, decides whether a create may be sent. A lost create that Epic does not show
 * yet is looked for again after the settle time (durable sleep), never re-sent blind. A refusal
 * Epic may not repeat (429, 503) throws inside the step so Inngest retries it with backoff.
 */
export function writePrepSheetToEhrJob(deps: JobDeps) {
  return defineJob<PrepSheetWriteRequested>({
    id: "write-prep-sheet-to-ehr",
    event: prepSheetWriteRequested,
    retries: 4,
    concurrencyPerClinic: 2,
    idempotency: { cel: "event.data.prepSheetId + '-' + event.data.requestId", key: (data) => `${data.prepSheetId}-${data.requestId}` },
    handler: async ({ event, step }) => {
      const write = async () => {
        const result = await runPrepSheetWrite(await deps.context(), event.data);
        if (result.outcome === "failed" && result.retryable) throw new AppError("ehr_unavailable", `write-back refused for now (${result.reason})`);
        return result;
      };
      let result = await step.run("write", write);
      for (let round = 1; round <= settleRounds && result.outcome === "unknown" && result.waitUntil; round++) {
        const waitMs = Math.max(1_000, Date.parse(result.waitUntil) - Date.now());
        await step.sleep(`settle-${round}`, `${Math.ceil(waitMs / 1000)}s`);
        result = await step.run(`reconcile-${round}`, write);
      }
      return result;
    },
  });
}
