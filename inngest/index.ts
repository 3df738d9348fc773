import { createJobs } from "./functions";
import { defaultJobDeps } from "./job-deps";
import { registerJobs } from "./register-jobs";
import { toInngestFunction } from "./to-inngest-function";

/**
 * The app's jobs. Importing this module registers the dispatcher (Inngest or in-process) that
 * lib/jobs/dispatch-event.ts sends through; instrumentation.ts imports it once at server start.
 */
export const jobs = createJobs(defaultJobDeps);
export const functions = jobs.map(toInngestFunction);
export { inngest } from "./client";

registerJobs(jobs);
