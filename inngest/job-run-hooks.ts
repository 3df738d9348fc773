import type { Db } from "@/db/client";
import type { JobEvent } from "@/lib/jobs/dispatch-event";
import { finishJobRun, recordJobRunAttempts, startJobRun } from "@/lib/jobs/record-job-run";
import { logger } from "@/lib/log/logger";

export type RecordedRun = {
  /** True when the run must not execute (its clinic is suspended); it is already recorded as skipped. */
  skip: boolean;
  attemptFailed(attempt: number): Promise<void>;
  finish(outcome: { error?: unknown; attempts: number }): Promise<void>;
};

/** How the in-process runner reports runs; the Inngest middleware uses the same lib/jobs recorder. */
export type JobRunHooks = { start(functionId: string, event: JobEvent): Promise<RecordedRun> };

const unrecorded: RecordedRun = { skip: false, attemptFailed: async () => {}, finish: async () => {} };

/**
 * Recording is bookkeeping: a failed write is logged and the job runs anyway, except that a clinic
 * known to be suspended is never run.
 */
export function createJobRunHooks(getDb: () => Promise<Db>, now: () => Date = () => new Date()): JobRunHooks {
  const quietly = async (event: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      logger.warn(event, { error });
    }
  };
  return {
    async start(functionId, event) {
      let started: Awaited<ReturnType<typeof startJobRun>>;
      try {
        started = await startJobRun(await getDb(), { functionId, event, startedAt: now() });
      } catch (error) {
        logger.warn("jobs.run_record_failed", { job: functionId, error });
        return unrecorded;
      }
      const { id, skipReason } = started;
      return {
        skip: skipReason !== null,
        attemptFailed: (attempt) => quietly("jobs.run_record_failed", async () => recordJobRunAttempts(await getDb(), id, attempt + 1)),
        finish: ({ error, attempts }) => quietly("jobs.run_record_failed", async () => finishJobRun(await getDb(), id, { error, attempts, finishedAt: now() })),
      };
    },
  };
}
