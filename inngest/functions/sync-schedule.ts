import type { ScheduleSyncRequested } from "@/lib/jobs/events";
import { runScheduleSync } from "@/lib/sync/run-schedule-sync";
import { patientSyncRequested, scheduleSyncRequested } from "../events";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";

/**
 * On demand (schedule page, sign-in) and from the morning cron: sync the clinic's schedule, then
 * fan out one sync-patient per scheduled patient. Event ids make the fan-out replay-safe.
 */
export function syncScheduleJob(deps: JobDeps) {
  return defineJob<ScheduleSyncRequested>({
    id: "sync-schedule",
    event: scheduleSyncRequested,
    retries: 3,
    concurrencyPerClinic: 1,
    handler: async ({ event, step }) => {
      const data = event.data;
      const result = await step.run("sync-schedule", async () => runScheduleSync(await deps.context(), data));
      if (result.patientIds.length > 0) {
        await step.sendEvent(
          "fan-out-patient-syncs",
          result.patientIds.map((patientId) => ({
            ...patientSyncRequested.create({
              organizationId: data.organizationId,
              patientId,
              requestId: result.syncRunId,
              ...(data.requestedBy ? { requestedBy: data.requestedBy } : {}),
            }),
            id: `patient-sync-${result.syncRunId}-${patientId}`,
          })),
        );
      }
      return { syncRunId: result.syncRunId, appointments: result.appointments, patients: result.patientIds.length };
    },
  });
}
