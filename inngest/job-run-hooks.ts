import type { Db } from "@/db/client";
import { claimAbandonedJobRuns, findJobRunByDedupeKey, insertJobRunStep, listJobRunSteps, renewJobRunLeases } from "@/db/queries/job-runs";
import type { Id } from "@/lib/ids";
import type { JobEvent } from "@/lib/jobs/dispatch-event";
import { finishJobRun, recordJobRunAttempts, startJobRun } from "@/lib/jobs/record-job-run";
import { logger } from "@/lib/log/logger";

export type RecordedRun = {
  /** True when the run must not execute (its clinic is suspended); it is already recorded as skipped. */
  skip: boolean;
  /** Attempts made before this process took the run over (0 for a new run). */
  priorAttempts: number;
  /** Step outputs stored by an earlier process (a resumed run); the runner replays them instead of the steps. */
  steps: Map<string, unknown>;
  saveStep(stepId: string, output: unknown): Promise<void>;
  attemptFailed(attempt: number): Promise<void>;
  finish(outcome: { error?: unknown; attempts: number }): Promise<void>;
};

export type ResumedRun = { functionId: string; event: JobEvent; run: RecordedRun };

/** How the in-process runner records and persists runs; the Inngest middleware uses the same lib/jobs recorder. */
export type JobRunHooks = {
  /** Records a run when it is queued; null when a run with the same dedupe key exists (sent again after a crash). */
  start(functionId: string, event: JobEvent, options?: { dedupeKey?: string }): Promise<RecordedRun | null>;
  /** Extends the lease of every run this process holds, so no other process resumes them. */
  renewLeases(): Promise<void>;
  /** Takes over runs whose process died (lease lapsed), with the steps they finished. */
  claimAbandoned(): Promise<ResumedRun[]>;
};

const unrecorded = (): RecordedRun => ({ skip: false, priorAttempts: 0, steps: new Map(), saveStep: async () => {}, attemptFailed: async () => {}, finish: async () => {} });
const dedupeWindowMs = 24 * 3_600_000;

/**
 * Durable bookkeeping for the in-process runner. A run is recorded when queued, with a lease this
 * process renews; each finished step's output (ids and counts) is stored before the handler goes
 * on. After a crash, a process whose lease check finds the run abandoned replays the stored steps and
 * continues. Recording a start or finish is bookkeeping (a failed write is logged and the job runs),
 * but a step output that cannot be stored fails the step: resuming without it would repeat it.
 */
export function createJobRunHooks(getDb: () => Promise<Db>, options: { now?: () => Date; leaseMs?: number } = {}): JobRunHooks {
  const now = options.now ?? (() => new Date());
  const leaseMs = options.leaseMs ?? 30_000;
  const held = new Set<Id<"job">>();
  const quietly = async (event: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (error) {
      logger.warn(event, { error });
    }
  };
  const leaseUntil = () => new Date(now().getTime() + leaseMs);

  function recorded(id: Id<"job">, skip: boolean, priorAttempts: number, steps: Map<string, unknown>): RecordedRun {
    if (!skip) held.add(id);
    return {
      skip,
      priorAttempts,
      steps,
      saveStep: async (stepId, output) => insertJobRunStep(await getDb(), id, stepId, output),
      attemptFailed: (attempt) => quietly("jobs.run_record_failed", async () => recordJobRunAttempts(await getDb(), id, attempt + 1)),
      finish: async ({ error, attempts }) => {
        held.delete(id);
        await quietly("jobs.run_record_failed", async () => finishJobRun(await getDb(), id, { error, attempts, finishedAt: now() }));
      },
    };
  }

  return {
    async start(functionId, event, startOptions = {}) {
      try {
        const db = await getDb();
        if (startOptions.dedupeKey && (await findJobRunByDedupeKey(db, functionId, startOptions.dedupeKey, new Date(now().getTime() - dedupeWindowMs)))) return null;
        const { id, skipReason } = await startJobRun(db, {
          functionId, event, startedAt: now(), leaseExpiresAt: leaseUntil(), ...(startOptions.dedupeKey ? { dedupeKey: startOptions.dedupeKey } : {}),
        });
        return recorded(id, skipReason !== null, 0, new Map());
      } catch (error) {
        logger.warn("jobs.run_record_failed", { job: functionId, error });
        return unrecorded();
      }
    },
    renewLeases: () => quietly("jobs.lease_renew_failed", async () => renewJobRunLeases(await getDb(), [...held], leaseUntil())),
    async claimAbandoned() {
      const db = await getDb();
      const rows = await claimAbandonedJobRuns(db, now(), leaseUntil());
      return Promise.all(rows.map(async (row) => {
        const steps = new Map((await listJobRunSteps(db, row.id)).map((s) => [s.stepId, s.output === null ? undefined : s.output]));
        return { functionId: row.functionId, event: { name: row.eventName, data: row.eventData }, run: recorded(row.id, false, row.attempts - 1, steps) };
      }));
    },
  };
}
