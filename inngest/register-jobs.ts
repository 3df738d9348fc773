import { env, isProduction } from "@/lib/env";
import { registerJobDispatcher, type JobDispatcher } from "@/lib/jobs/dispatch-event";
import { logger } from "@/lib/log/logger";
import { getDb } from "@/db/client";
import { inngest } from "./client";
import type { JobDefinition } from "./job-definition";
import { createInProcessRunner } from "./in-process-runner";
import { createJobRunHooks } from "./job-run-hooks";

/**
 * Chooses where dispatchEvents sends: Inngest when a key or a dev server is configured, else the
 * in-process runner over the same job definitions (house-style decision 3). Production without
 * Inngest keys registers nothing, so dispatchEvents fails loudly (instrumentation.ts already refuses
 * to start such a server; `next build` imports this module without keys and must not throw).
 */
export function registerJobs(jobs: readonly JobDefinition[]): JobDispatcher | undefined {
  let dispatcher: JobDispatcher;
  if (env.JOBS_MODE !== "in-process" && (env.JOBS_MODE === "inngest" || env.INNGEST_EVENT_KEY || env.INNGEST_DEV)) {
    dispatcher = { mode: "inngest", send: async (events) => void (await inngest.send(events)) };
  } else if (isProduction && env.JOBS_MODE !== "in-process") {
    registerJobDispatcher(undefined);
    return undefined;
  } else {
    const runner = createInProcessRunner(jobs, { runHooks: createJobRunHooks(getDb) });
    // Runs a crashed process left unfinished continue here (step outputs replayed, not redone).
    void runner.resume().catch((error: unknown) => logger.warn("jobs.resume_failed", { error }));
    dispatcher = runner;
    logger.info("jobs.dispatcher", { mode: "in-process" });
  }
  registerJobDispatcher(dispatcher);
  return dispatcher;
}
