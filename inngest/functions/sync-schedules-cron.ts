import { localDate } from "@/lib/dates/local-date";
import { listClinicsDueForSync } from "@/lib/sync/list-clinics-due-for-sync";
import { scheduleSyncRequested } from "../events";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";

/** Upcoming days each morning sync covers: today and the next two clinic days. */
export const morningSyncDays = 3;

/**
 * Hourly; picks the clinics where it is now 6 am local time and asks for their schedule sync. The
 * event id (clinic + local date) keeps a retried or replayed hour from syncing a clinic twice.
 */
export function syncSchedulesCronJob(deps: JobDeps) {
  return defineJob({
    id: "sync-schedules-morning",
    cron: "0 * * * *",
    retries: 2,
    handler: async ({ step }) => {
      const due = await step.run("find-clinics-due", async () => {
        const ctx = await deps.context();
        return { organizationIds: await listClinicsDueForSync(ctx.db, ctx.now()), at: ctx.now().toISOString() };
      });
      if (due.organizationIds.length > 0) {
        await step.sendEvent(
          "request-schedule-syncs",
          due.organizationIds.map((organizationId) => ({
            ...scheduleSyncRequested.create({ organizationId, days: morningSyncDays }),
            id: `morning-sync-${organizationId}-${localDate("UTC", new Date(due.at))}`,
          })),
        );
      }
      return { clinics: due.organizationIds.length };
    },
  });
}
