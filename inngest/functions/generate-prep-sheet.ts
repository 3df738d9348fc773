import { markSchedulePatientFailed, prepareSchedulePatient } from "@/lib/clinic-day/prepare-schedule-patient";
import { prepSheetGenerateRequested, prepSheetWriteRequested, type PrepSheetGenerateRequested } from "@/lib/jobs/events";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";

const target = (data: PrepSheetGenerateRequested) => ({
  organizationId: data.organizationId,
  appointmentIds: [data.appointmentId],
  ...(data.requestedBy ? { requestedBy: data.requestedBy } : {}),
});

/**
 * One appointment's prep sheet ("Regenerate"): the patient is pulled and screened first (the
 * clinic-day pipeline), so the sheet never comes from data that was not pulled; an unchanged sheet
 * is not stored again. Then, when asked, queues its write-back. One run per (appointment, request).
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
      const prepared = await step.run("generate", async () => prepareSchedulePatient(await deps.context(), target(data)));
      const prepSheetId = prepared.prepSheets[0]!.prepSheetId;
      if (data.writeBack) {
        await step.sendEvent("request-write-back", [
          {
            ...prepSheetWriteRequested.create({ organizationId: data.organizationId, prepSheetId, requestId: data.requestId, ...(data.requestedBy ? { requestedBy: data.requestedBy } : {}) }),
            id: `write-prep-sheet-${prepSheetId}-${data.requestId}`,
          },
        ]);
      }
      return { prepSheetId };
    },
    onFailure: async ({ data }) => markSchedulePatientFailed(await deps.context(), target(data)),
  });
}
