import { Middleware } from "inngest";
import { getDb } from "@/db/client";
import { findJobRunIdByExternalId } from "@/db/queries/job-runs";
import { finishJobRun, recordJobRunAttempts, startJobRun } from "@/lib/jobs/record-job-run";
import { logger } from "@/lib/log/logger";

type RunContext = { runId: string; attempt: number; event: { name: string; data?: unknown; id?: string } };
const failureEvent = "inngest/function.failed";

async function quietly(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    logger.warn("jobs.run_record_failed", { error });
  }
}

/**
 * Records every Inngest function run in job_runs (the in-process runner records through
 * job-run-hooks.ts into the same lib/jobs recorder). Rows are keyed by Inngest's run id, because one
 * run spans many requests. A run whose clinic is suspended returns without executing.
 */
export class JobRunMiddleware extends Middleware.BaseMiddleware {
  readonly id = "healthprep-job-runs";

  override async wrapFunctionHandler({ ctx, fn, next }: Middleware.WrapFunctionHandlerArgs): Promise<unknown> {
    const run = ctx as unknown as RunContext;
    if (run.event.name === failureEvent) return next();
    let skipReason: string | null = null;
    try {
      const db = await getDb();
      // The first request of a run creates the row; later requests find it (insert is idempotent).
      ({ skipReason } = await startJobRun(db, { functionId: fn.opts.id, event: run.event, externalRunId: run.runId, startedAt: new Date() }));
    } catch (error) {
      logger.warn("jobs.run_record_failed", { job: fn.opts.id, error });
    }
    if (skipReason) return { skipped: "clinic_suspended" };
    return next();
  }

  override async onRunComplete({ ctx }: Middleware.OnRunCompleteArgs): Promise<void> {
    const run = ctx as unknown as RunContext;
    await quietly(async () => {
      const db = await getDb();
      const id = await findJobRunIdByExternalId(db, run.runId);
      if (id) await finishJobRun(db, id, { attempts: run.attempt + 1, finishedAt: new Date() });
    });
  }

  override async onRunError({ ctx, error, isFinalAttempt }: Middleware.OnRunErrorArgs): Promise<void> {
    const run = ctx as unknown as RunContext;
    await quietly(async () => {
      const db = await getDb();
      const id = await findJobRunIdByExternalId(db, run.runId);
      if (!id) return;
      if (isFinalAttempt) await finishJobRun(db, id, { error, attempts: run.attempt + 1, finishedAt: new Date() });
      else await recordJobRunAttempts(db, id, run.attempt + 1);
    });
  }
}
