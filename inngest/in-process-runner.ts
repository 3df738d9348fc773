import type { JobDispatcher, JobEvent } from "@/lib/jobs/dispatch-event";
import { logger } from "@/lib/log/logger";
import type { JobDefinition, JobStep } from "./job-definition";
import type { JobRunHooks } from "./job-run-hooks";

export type InProcessRunner = JobDispatcher & {
  /** Resolves when no run is queued or running (tests, CLI). */
  idle(): Promise<void>;
};

const toMs = (duration: string | number) => {
  if (typeof duration === "number") return duration;
  const match = /^(\d+)(ms|s|m|h)$/.exec(duration);
  return match ? Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as "ms"] : 0;
};

/**
 * Embedded mode (no Inngest server): runs the same job handlers in this process. step.run memoises
 * outputs across retries (JSON round-trip, as Inngest stores them), step.sendEvent feeds events
 * back in, step.sleep waits; per-clinic concurrency and idempotency keys are honoured. Not
 * durable: queued work is lost when the process exits — production requires Inngest keys.
 */
export function createInProcessRunner(
  jobs: readonly JobDefinition[],
  options: { retryDelayMs?: number; runHooks?: JobRunHooks } = {},
): InProcessRunner {
  const running = new Set<Promise<void>>();
  const seen = new Set<string>();
  const slots = new Map<string, { active: number; waiting: (() => void)[] }>();
  let warned = false;

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

  function createStep(memo: Map<string, unknown>): JobStep {
    const once = async <T>(id: string, fn: () => Promise<T>): Promise<T> => {
      if (memo.has(id)) return memo.get(id) as T;
      const output = await fn();
      const stored = output === undefined ? undefined : (JSON.parse(JSON.stringify(output)) as T);
      memo.set(id, stored);
      return stored as T;
    };
    return {
      run: once,
      sendEvent: (id, events) => once(id, () => runner.send(events)),
      sleep: (id, duration) => once(id, () => new Promise<void>((resolve) => setTimeout(resolve, toMs(duration)))),
    };
  }

  async function execute(job: JobDefinition, event: JobEvent): Promise<void> {
    const organizationId = typeof event.data.organizationId === "string" ? event.data.organizationId : "-";
    const release = job.concurrencyPerClinic ? await acquire(`${job.id}:${organizationId}`, job.concurrencyPerClinic) : () => {};
    const memo = new Map<string, unknown>();
    try {
      const recorded = await options.runHooks?.start(job.id, event);
      if (recorded?.skip) return;
      for (let attempt = 0; attempt <= job.retries; attempt++) {
        try {
          await job.handler({ event: { name: event.name, data: event.data, ...(event.id ? { id: event.id } : {}) }, step: createStep(memo), attempt });
          await recorded?.finish({ attempts: attempt + 1 });
          return;
        } catch (error) {
          logger.warn("jobs.in_process.attempt_failed", { job: job.id, attempt, error });
          if (attempt === job.retries) {
            await recorded?.finish({ error, attempts: attempt + 1 });
            if (job.onFailure) await job.onFailure({ data: event.data, error, step: createStep(new Map()) }).catch(() => undefined);
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

  const runner: InProcessRunner = {
    mode: "in-process",
    async send(events) {
      if (!warned) {
        warned = true;
        logger.warn("jobs.in_process", { durable: false, hint: "set INNGEST_EVENT_KEY or INNGEST_DEV for durable jobs" });
      }
      for (const event of events) {
        for (const job of jobs.filter((j) => j.event?.name === event.name)) {
          const key = event.id ? `event:${event.id}` : job.idempotency ? `${job.id}:${job.idempotency.key(event.data)}` : undefined;
          if (key && seen.has(`${job.id}|${key}`)) continue;
          if (key) seen.add(`${job.id}|${key}`);
          const run = execute(job, event).finally(() => running.delete(run));
          running.add(run);
        }
      }
    },
    async idle() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
  return runner;
}
