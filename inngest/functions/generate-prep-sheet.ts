import { prepSheetGenerateRequested, prepSheetWriteRequested, type PrepSheetGenerateRequested } from "@/lib/jobs/events";
import { runPrepSheetGeneration } from "@/lib/prep-sheet-data/run-prep-sheet-generation";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";

/**
 * Builds one appointment's prep sheet from stored data (an unchanged sheet is not stored again),
 * then, when asked, queues its write-back. One run per (appointment, request).
 */
export function generatePrepSheetJob(deps: JobDeps) {
  return defineJob<PrepSheetGenerateRequested>({
    id: "generate-prep-sheet",
    event: prepSheetGenerateRequested,
    retries: 3,
    concurrencyPerClinic: 4,
    idempotency: { cel: "event.data.appointmentId + '-' + event.data.requestId", key: (data) => `${data.appointmentId}-${data.requestId}` },
    handler: async ({ event, step }) => {
      const data = event.data;
      const sheet = await step.run("generate", async () => runPrepSheetGeneration(await deps.context(), data));
      if (data.writeBack) {
        await step.sendEvent("request-write-back", [
          {
            ...prepSheetWriteRequested.create({ organizationId: data.organizationId, prepSheetId: sheet.prepSheetId, requestId: data.requestId, ...(data.requestedBy ? { requestedBy: data.requestedBy } : {}) }),
            id: `write-prep-sheet-${sheet.prepSheetId}-${data.requestId}`,
          },
        ]);
      }
      return sheet;
    },
  });
}
