import type { JobDispatcher, JobEvent } from "@/lib/jobs/dispatch-event";
import { logger } from "@/lib/log/logger";
import type { JobDefinition, JobStep } from "./job-definition";
import type { JobRunHooks, RecordedRun } from "./job-run-hooks";

export type InProcessRunner = JobDispatcher & {
  /** Resolves when no run is queued or running (tests, CLI). */
  idle(): Promise<void>;
  /** Takes over runs a dead process left unfinished (with run hooks); resolves once they are queued. */
  resume(): Promise<number>;
  /** Stops renewing leases and looking for abandoned runs (queued runs still finish). */
  close(): void;
};

const toMs = (duration: string | number) => {
  if (typeof duration === "number") return duration;
  const match = /^(\d+)(ms|s|m|h)$/.exec(duration);
  return match ? Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as "ms"] : 0;
};

/**
 * Embedded mode (no Inngest server): runs the same job handlers in this process. step.run memoises
 * outputs across retries (JSON round-trip, as Inngest stores them), step.sendEvent feeds events
 * back in, step.sleep waits; per-clinic concurrency and idempotency keys are honoured. With run
 * hooks it is durable: runs are recorded when queued and step outputs as they finish, under a lease
 * this process renews; a process that starts (or notices a lapsed lease) resumes what a dead one
 * left, skipping the steps it finished. Without hooks (unit tests) queued work dies with the process.
 */
export function createInProcessRunner(
  jobs: readonly JobDefinition[],
  options: { retryDelayMs?: number; runHooks?: JobRunHooks; leaseMs?: number } = {},
): InProcessRunner {
  const hooks = options.runHooks;
  const running = new Set<Promise<void>>();
  const seen = new Set<string>();
  const slots = new Map<string, { active: number; waiting: (() => void)[] }>();
  let warned = false;
  const leaseMs = options.leaseMs ?? 30_000;
  // Renew well inside the lease; look for abandoned runs once per lease.
  let ticks = 0;
  const timer = hooks
    ? setInterval(() => {
        void hooks.renewLeases();
        if (++ticks % 3 === 0) void runner.resume().catch((error: unknown) => logger.warn("jobs.resume_failed", { error }));
      }, Math.max(100, Math.floor(leaseMs / 3)))
    : undefined;
  timer?.unref();

  async function acquire(key: string, limit: number): Promise<() => void> {
    const slot = slots.get(key) ?? { active: 0, waiting: [] };
    slots.set(key, slot);
    while (slot.active >= limit) await new Promise<void>((resolve) => slot.waiting.push(resolve));
    slot.active += 1;
    return () => {
      slot.active -= 1;
      slot.waiting.shift()?.();
    };
  }

  function createStep(memo: Map<string, unknown>, save: (id: string, output: unknown) => Promise<void>): JobStep {
    const once = async <T>(id: string, fn: () => Promise<T>): Promise<T> => {
      if (memo.has(id)) return memo.get(id) as T;
      const output = await fn();
      const stored = output === undefined ? undefined : (JSON.parse(JSON.stringify(output)) as T);
      // Stored before the handler goes on: a resumed run must not repeat a step that finished.
      await save(id, stored);
      memo.set(id, stored);
      return stored as T;
    };
    return {
      run: once,
      sendEvent: (id, events) => once(id, () => runner.send(events)),
      sleep: (id, duration) => once(id, () => new Promise<void>((resolve) => setTimeout(resolve, toMs(duration)))),
    };
  }

  async function execute(job: JobDefinition, event: JobEvent, recorded: RecordedRun | null): Promise<void> {
    const organizationId = typeof event.data.organizationId === "string" ? event.data.organizationId : "-";
    const release = job.concurrencyPerClinic ? await acquire(`${job.id}:${organizationId}`, job.concurrencyPerClinic) : () => {};
    const memo = recorded?.steps ?? new Map<string, unknown>();
    const save = recorded?.saveStep ?? (async () => {});
    try {
      if (recorded?.skip) return;
      const first = Math.min(recorded?.priorAttempts ?? 0, job.retries);
      for (let attempt = first; attempt <= job.retries; attempt++) {
        try {
          await job.handler({ event: { name: event.name, data: event.data, ...(event.id ? { id: event.id } : {}) }, step: createStep(memo, save), attempt });
          await recorded?.finish({ attempts: attempt + 1 });
          return;
        } catch (error) {
          logger.warn("jobs.in_process.attempt_failed", { job: job.id, attempt, error });
          if (attempt === job.retries) {
            await recorded?.finish({ error, attempts: attempt + 1 });
            if (job.onFailure) await job.onFailure({ data: event.data, error, step: createStep(new Map(), async () => {}) }).catch(() => undefined);
            return;
          }
          await recorded?.attemptFailed(attempt);
          await new Promise((resolve) => setTimeout(resolve, (options.retryDelayMs ?? 1000) * 2 ** attempt));
        }
      }
    } finally {
      release();
    }
  }

  function launch(job: JobDefinition, event: JobEvent, recorded: RecordedRun | null): void {
    const run = execute(job, event, recorded).finally(() => running.delete(run));
    running.add(run);
  }

  const runner: InProcessRunner = {
    mode: "in-process",
    async send(events) {
      if (!warned) {
        warned = true;
        logger.warn("jobs.in_process", { durable: Boolean(hooks), hint: "set INNGEST_EVENT_KEY or INNGEST_DEV for Inngest" });
      }
      for (const event of events) {
        for (const job of jobs.filter((j) => j.event?.name === event.name)) {
          const key = event.id ? `event:${event.id}` : job.idempotency ? `${job.id}:${job.idempotency.key(event.data)}` : undefined;
          if (key && seen.has(`${job.id}|${key}`)) continue;
          if (key) seen.add(`${job.id}|${key}`);
          // Recorded before send returns, so a queued run survives a crash of this process.
          const recorded = hooks ? await hooks.start(job.id, event, key ? { dedupeKey: key } : {}) : null;
          if (hooks && !recorded) continue;
          launch(job, event, recorded);
        }
      }
    },
    async resume() {
      if (!hooks) return 0;
      const abandoned = await hooks.claimAbandoned();
      for (const { functionId, event, run } of abandoned) {
        const job = jobs.find((j) => j.id === functionId);
        if (!job) {
          await run.finish({ error: new Error(`unknown job ${functionId}`), attempts: run.priorAttempts + 1 });
          continue;
        }
        logger.info("jobs.in_process.resumed", { job: functionId, steps: run.steps.size, attempt: run.priorAttempts });
        launch(job, event, run);
      }
      return abandoned.length;
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    close() {
      if (timer) clearInterval(timer);
    },
  };
  return runner;
}
