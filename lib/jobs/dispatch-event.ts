import { AppError } from "@/lib/errors";
import { jobEventSchemas } from "./events";

/** An event as sent: `id` deduplicates (Inngest keeps it 24 h; the in-process runner per process). */
export type JobEvent = { name: string; data: Record<string, unknown>; id?: string };

/** Where events go: Inngest (keys configured) or the in-process runner (embedded mode). */
export interface JobDispatcher {
  readonly mode: "inngest" | "in-process";
  send(events: JobEvent[]): Promise<void>;
}

// On globalThis: Next bundles instrumentation and route handlers separately, and both must see it.
const holder = globalThis as unknown as { __healthprepJobDispatcher?: JobDispatcher };

/** Called once by inngest/ at startup (lib/ may not import inngest/, so the wiring points this way). */
export function registerJobDispatcher(dispatcher: JobDispatcher | undefined): void {
  holder.__healthprepJobDispatcher = dispatcher;
}

export function getJobDispatcherMode(): JobDispatcher["mode"] | null {
  return holder.__healthprepJobDispatcher?.mode ?? null;
}

/**
 * The one way app and lib code start jobs. Validates every payload against its event schema
 * (ids only), then hands the batch to the registered dispatcher. Call it after the transaction
 * that made the work necessary has committed.
 */
export async function dispatchEvents(events: JobEvent | JobEvent[]): Promise<void> {
  const batch = Array.isArray(events) ? events : [events];
  const dispatcher = holder.__healthprepJobDispatcher;
  if (!dispatcher) throw new AppError("misconfigured", "no job dispatcher registered (import @/inngest at startup)");
  const checked = batch.map((event) => {
    const schema = jobEventSchemas[event.name];
    if (!schema) throw new AppError("internal", `unknown job event ${event.name}`);
    const parsed = schema.safeParse(event.data);
    if (!parsed.success) throw new AppError("internal", `invalid payload for ${event.name}`);
    return { name: event.name, data: parsed.data, ...(event.id ? { id: event.id } : {}) };
  });
  if (checked.length > 0) await dispatcher.send(checked);
}
