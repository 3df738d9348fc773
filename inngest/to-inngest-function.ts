import { cron } from "inngest";
import { inngest } from "./client";
import type { JobDefinition, JobStep } from "./job-definition";

type InngestStep = {
  run: (id: string, fn: () => Promise<unknown>) => Promise<unknown>;
  sendEvent: (id: string, payload: never) => Promise<unknown>;
  sleep: (id: string, duration: never) => Promise<unknown>;
};

// Inngest's step tools are generic over JSON types; the handler only needs this narrower view.
function adaptStep(step: InngestStep): JobStep {
  return {
    run: (id, fn) => step.run(id, fn) as never,
    sendEvent: async (id, events) => void (await step.sendEvent(id, events as never)),
    sleep: async (id, duration) => void (await step.sleep(id, duration as never)),
  };
}

/** Builds the Inngest function for a job definition, with per-clinic flow control. */
export function toInngestFunction(job: JobDefinition) {
  const triggers = [...(job.event ? [{ event: job.event.name }] : []), ...(job.cron ? [cron(job.cron)] : [])];
  const byClinic = "event.data.organizationId";
  return inngest.createFunction(
    {
      id: job.id,
      retries: job.retries as 3,
      triggers: triggers as [{ event: string }],
      ...(job.concurrencyPerClinic ? { concurrency: { key: byClinic, limit: job.concurrencyPerClinic } } : {}),
      ...(job.throttlePerClinic ? { throttle: { key: byClinic, ...job.throttlePerClinic } } : {}),
      ...(job.idempotency ? { idempotency: job.idempotency.cel } : {}),
      ...(job.onFailure
        ? {
            onFailure: async ({ event, error, step }: { event: { data: { event: { data: Record<string, unknown> } } }; error: unknown; step: unknown }) =>
              job.onFailure!({ data: event.data.event.data, error, step: adaptStep(step as InngestStep) }),
          }
        : {}),
    },
    async ({ event, step, attempt }) =>
      job.handler({ event: { name: event.name, data: (event.data ?? {}) as Record<string, unknown>, ...(event.id ? { id: event.id } : {}) }, step: adaptStep(step as unknown as InngestStep), attempt }),
  );
}
