import { describe, expect, it } from "vitest";
import { createInProcessRunner } from "./in-process-runner";
import { defineJob, type JobDefinition } from "./job-definition";

const orgA = "org_01JC0000000000000000000000";

describe("in-process runner", () => {
  it("runs the handler with memoised steps across a retry, sleeps, and fans out", async () => {
    const calls: string[] = [];
    let attempts = 0;
    const parent = defineJob({
      id: "parent",
      event: { name: "test/parent" },
      retries: 2,
      handler: async ({ event, step }) => {
        attempts += 1;
        const first = await step.run("first", async () => {
          calls.push("first");
          return { ids: ["a", "b"], at: new Date(0) };
        });
        expect(first.at).toBe("1970-01-01T00:00:00.000Z"); // stored as JSON, like Inngest
        await step.sleep("pause", "1ms");
        if (attempts === 1) throw new Error("transient");
        await step.sendEvent("fan-out", first.ids.map((id) => ({ name: "test/child", data: { organizationId: event.data.organizationId, id } })));
      },
    });
    const child = defineJob({ id: "child", event: { name: "test/child" }, retries: 0, handler: async ({ event }) => void calls.push(`child:${String(event.data.id)}`) });
    const runner = createInProcessRunner([parent, child] as JobDefinition[], { retryDelayMs: 1 });
    await runner.send([{ name: "test/parent", data: { organizationId: orgA } }]);
    await runner.idle();
    expect(attempts).toBe(2);
    expect(calls).toEqual(["first", "child:a", "child:b"]);
  });

  it("drops duplicate event ids and idempotency keys, and calls onFailure after the last retry", async () => {
    const runs: string[] = [];
    const failures: unknown[] = [];
    const job = defineJob<{ organizationId: string; key: string }>({
      id: "flaky",
      event: { name: "test/flaky" },
      retries: 1,
      idempotency: { cel: "event.data.key", key: (data) => data.key },
      handler: async ({ event }) => {
        runs.push(event.data.key);
        if (event.data.key === "bad") throw new Error("always");
      },
      onFailure: async ({ data }) => void failures.push(data.key),
    });
    const runner = createInProcessRunner([job] as JobDefinition[], { retryDelayMs: 1 });
    await runner.send([
      { name: "test/flaky", data: { organizationId: orgA, key: "good" }, id: "evt-1" },
      { name: "test/flaky", data: { organizationId: orgA, key: "other" }, id: "evt-1" },
      { name: "test/flaky", data: { organizationId: orgA, key: "bad" } },
      { name: "test/flaky", data: { organizationId: orgA, key: "bad" } },
    ]);
    await runner.idle();
    expect(runs).toEqual(["good", "bad", "bad"]);
    expect(failures).toEqual(["bad"]);
  });

  it("limits concurrent runs per clinic", async () => {
    let active = 0;
    let peak = 0;
    const job = defineJob({
      id: "limited",
      event: { name: "test/limited" },
      retries: 0,
      concurrencyPerClinic: 2,
      handler: async () => {
        active += 1;
        peak = Math.max(peak, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active -= 1;
      },
    });
    const runner = createInProcessRunner([job] as JobDefinition[]);
    await runner.send(Array.from({ length: 6 }, (_, i) => ({ name: "test/limited", data: { organizationId: orgA, i } })));
    await runner.idle();
    expect(peak).toBe(2);
  });
});
