import { purgeExpiredClinicalData } from "@/lib/sync/purge-expired-clinical-data";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";

/** Daily retention sweep (PHI minimisation policy in the README): cached clinical data, documents, screening results and prep sheet content. Output: counts only. */
export function purgeExpiredClinicalDataJob(deps: JobDeps) {
  return defineJob({
    id: "purge-expired-clinical-data",
    cron: "30 3 * * *",
    retries: 2,
    handler: async ({ step }) =>
      step.run("purge", async () => {
        const ctx = await deps.context();
        return purgeExpiredClinicalData(ctx.db, ctx.now());
      }),
  });
}
