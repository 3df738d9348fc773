import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jobRuns, jobRunSteps } from "@/db/schema";
import { createInProcessRunner } from "@/inngest/in-process-runner";
import { defineJob, type JobDefinition } from "@/inngest/job-definition";
import { createJobRunHooks } from "@/inngest/job-run-hooks";
import { createId, type Id } from "@/lib/ids";
import { patientSyncRequested } from "@/lib/jobs/events";
import { createTestDatabase } from "../setup/test-db";
import { createClinic } from "./sync-test-helpers";

/**
 * Resume logic of the durable in-process runner, in one process on the default test database: a
 * first runner stops renewing (as a killed process does) while a run waits inside its second step;
 * a second runner notices the lapsed lease and takes the run over and finishes it without repeating the
 * first step, and an event sent again after the "crash" starts no second run. The real SIGKILL
 * version is tests/crash/crash-resume.test.ts.
 */
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let organizationId: Id<"organization">;
const leaseMs = 2_000;

beforeAll(async () => {
  handle = await createTestDatabase();
  organizationId = await createClinic(handle.db, "resume-clinic");
});
afterAll(async () => handle?.close());

describe("in-process runner after its process dies", () => {
  it("another runner resumes the run after the lease lapses, replaying finished steps", async () => {
    const calls = { first: 0, second: 0 };
    let hang = true;
    const job = defineJob<{ organizationId: string; patientId: string; requestId: string }>({
      id: "resume-probe",
      event: patientSyncRequested,
      retries: 2,
      idempotency: { cel: "event.data.requestId", key: (d) => d.requestId },
      handler: async ({ step }) => {
        const first = await step.run("first", async () => ({ n: ++calls.first }));
        // The first process "dies" here: its step never returns and it stops renewing its lease.
        await step.run("second", async () => (hang ? new Promise<never>(() => {}) : { n: ++calls.second }));
        return first;
      },
    }) as unknown as JobDefinition;
    const hooks = () => createJobRunHooks(async () => handle.db, { leaseMs });
    const event = { ...patientSyncRequested.create({ organizationId, patientId: createId("patient"), requestId: createId("job") }) };

    const dying = createInProcessRunner([job], { retryDelayMs: 1, leaseMs, runHooks: hooks() });
    await dying.send([event]);
    await expect.poll(() => calls.first).toBe(1);
    const [run] = await handle.db.select().from(jobRuns).where(eq(jobRuns.functionId, "resume-probe"));
    // The step's row is written after its callback returns: wait for it, not just for the callback.
    await expect.poll(async () => (await handle.db.select().from(jobRunSteps).where(eq(jobRunSteps.jobRunId, run!.id))).length).toBe(1);

    const survivor = createInProcessRunner([job], { retryDelayMs: 1, leaseMs, runHooks: hooks() });
    // The lease is still live (the dying runner renews it): nothing to take over yet.
    expect(await survivor.resume()).toBe(0);
    dying.close();
    hang = false;
    // The survivor looks for abandoned runs once per lease and takes this one over by itself.
    await expect.poll(() => calls.second, { timeout: leaseMs * 10, interval: 50 }).toBe(1);
    await survivor.idle();
    // Sent again after the crash (a replayed fan-out): the recorded run counts, no second run.
    await survivor.send([event]);
    await survivor.idle();
    survivor.close();

    expect(calls).toEqual({ first: 1, second: 1 });
    const runs = await handle.db.select().from(jobRuns).where(eq(jobRuns.functionId, "resume-probe"));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "succeeded", attempts: 2 });
  });
});
