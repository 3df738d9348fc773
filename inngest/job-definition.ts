import type { EventType } from "inngest";
import type { JobEvent } from "@/lib/jobs/dispatch-event";

/**
 * The step tools a job handler uses. Inngest's `step` satisfies it (through toInngestFunction), and
 * so does the in-process runner, so both execute the very same handler code.
 */
export interface JobStep {
  /** Runs once per run; the output is stored (by Inngest or the runner), so it must hold ids and counts only. */
  run<T>(id: string, fn: () => Promise<T>): Promise<T>;
  sendEvent(id: string, events: JobEvent[]): Promise<void>;
  sleep(id: string, duration: string | number): Promise<void>;
}

export type JobRun<TData> = { event: { name: string; data: TData; id?: string }; step: JobStep; attempt: number };

export type JobDefinition<TData extends Record<string, unknown> = Record<string, unknown>> = {
  id: string;
  /** Event trigger; a job has one, or a cron schedule (UTC), or both. */
  event?: EventType<string, never> | EventType<string, undefined> | { name: string };
  cron?: string;
  retries: number;
  /** Concurrent runs per clinic (Inngest: key event.data.organizationId). */
  concurrencyPerClinic?: number;
  /** Runs started per clinic and period, to stay inside Epic's rate limits. */
  throttlePerClinic?: { limit: number; period: `${number}${"s" | "m" | "h"}` };
  /** Duplicate runs are dropped for 24 h: `cel` for Inngest, `key` for the in-process runner. */
  idempotency?: { cel: string; key: (data: TData) => string };
  handler: (run: JobRun<TData>) => Promise<unknown>;
  onFailure?: (failure: { data: TData; error: unknown; step: JobStep }) => Promise<unknown>;
};

/** Keeps handler data typed while storing jobs in one list. */
export function defineJob<TData extends Record<string, unknown>>(job: JobDefinition<TData>): JobDefinition<TData> {
  return job;
}
