import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listPatientDocuments } from "@/db/queries/documents";
import { listPatients } from "@/db/queries/patients";
import { createJobs } from "@/inngest/functions";
import { createInProcessRunner } from "@/inngest/in-process-runner";
import { dispatchEvents, registerJobDispatcher } from "@/lib/jobs/dispatch-event";
import { documentProcessRequested, patientScreenRequested, patientSyncRequested, scheduleSyncRequested } from "@/lib/jobs/events";
import type { Id } from "@/lib/ids";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import { openJobHarness, runInngestFunction, type JobHarness } from "./fixtures/open-job-harness";
import { createClinic } from "./sync-test-helpers";

let harness: JobHarness;
let { handle, sandbox } = {} as JobHarness;

beforeAll(async () => {
  harness = await openJobHarness();
  ({ handle, sandbox } = harness);
});
afterAll(async () => harness?.close());

/** Runs one function, its fan-out step (if any) and screening request mocked. */
async function execute(id: string, event: { name: string; data: Record<string, unknown> }, fanOutStep?: string) {
  const run = await runInngestFunction(harness.deps, id, event, [...(fanOutStep ? [fanOutStep] : []), "request-screening"]);
  // Screening requests (checked in screening-inngest.test.ts) are kept apart from the fan-out.
  return { ...run, sent: run.sent.filter((sent) => sent.name !== patientScreenRequested.name) };
}

const forbidden = [
  ...seedPatients.flatMap((p) => [p.given, p.family, p.birthDate, p.mrn, p.id]),
  "Colonoscopy to the cecum", "Tubular adenoma", "BI-RADS", "Sandbox Lane", "555-010",
];

describe("Inngest functions (@inngest/test) over a full sync", () => {
  it("syncs schedule → patients → documents, and no payload or step output holds PHI", async () => {
    const organizationId = await createClinic(handle.db, "inngest-clinic");
    const seen: unknown[] = [];
    const patientEvents: { name: string; data: Record<string, unknown> }[] = [];
    for (const practitionerId of Object.values(sandbox.practitioners)) {
      const run = await execute("sync-schedule", scheduleSyncRequested.create({ organizationId, practitionerId }), "fan-out-patient-syncs");
      seen.push(run.result, run.outputs, run.sent);
      patientEvents.push(...run.sent);
    }
    expect(patientEvents).toHaveLength(seedPatients.length);
    expect(patientEvents.every((e) => e.name === patientSyncRequested.name)).toBe(true);

    const documentEvents: { name: string; data: Record<string, unknown> }[] = [];
    for (const event of patientEvents) {
      const run = await execute("sync-patient", event, "fan-out-documents");
      seen.push(run.result, run.outputs, run.sent);
      documentEvents.push(...run.sent);
    }
    expect(documentEvents.length).toBeGreaterThanOrEqual(12);
    const states: string[] = [];
    for (const event of documentEvents) {
      expect(event.name).toBe(documentProcessRequested.name);
      const run = await execute("process-document", event);
      seen.push(run.result, run.outputs);
      states.push((run.result as { state: string }).state);
    }
    expect(states.filter((s) => s === "failed")).toHaveLength(1);
    expect(states.filter((s) => s === "processed")).toHaveLength(documentEvents.length - 1);

    for (const event of [...patientEvents, ...documentEvents]) {
      for (const [key, value] of Object.entries(event.data)) {
        expect(["organizationId", "patientId", "documentId", "requestId"]).toContain(key);
        expect(String(value)).toMatch(/^[a-z]+_[0-9A-Z]{26}$/);
      }
    }
    const text = JSON.stringify(seen);
    // The scan covers real outputs: our ids are there, Epic's and the patients' details are not.
    expect(text).toMatch(/pat_[0-9A-Z]{26}/);
    expect(text).toMatch(/doc_[0-9A-Z]{26}/);
    expect(text).toMatch(/sync_[0-9A-Z]{26}/);
    for (const value of forbidden) expect(text, `found ${value}`).not.toContain(value);
  });

  it("refuses to dispatch a payload with anything but ids", async () => {
    registerJobDispatcher({ mode: "in-process", send: async () => undefined });
    const data = { organizationId: "org_01JC0000000000000000000000", patientId: "pat_01JC0000000000000000000000", requestId: "job_01JC0000000000000000000000" };
    await expect(dispatchEvents({ name: patientSyncRequested.name, data })).resolves.toBeUndefined();
    await expect(dispatchEvents({ name: patientSyncRequested.name, data: { ...data, patientName: "Camila Lopez" } })).rejects.toMatchObject({ code: "internal" });
    await expect(dispatchEvents({ name: patientSyncRequested.name, data: { ...data, patientId: "erXuFYUfucBZaryVksYEcMg3" } })).rejects.toThrow();
  });
});

describe("embedded mode: the in-process runner executes the same handlers end to end", () => {
  it("syncs a clinic's day from one dispatched event and ends every document in a terminal state", async () => {
    const organizationId: Id<"organization"> = await createClinic(handle.db, "embedded-clinic");
    const runner = createInProcessRunner(createJobs(harness.deps), { retryDelayMs: 1 });
    registerJobDispatcher(runner);
    await dispatchEvents(Object.values(sandbox.practitioners).map((practitionerId) => scheduleSyncRequested.create({ organizationId, practitionerId })));
    await runner.idle();
    const patients = await listPatients(handle.db, organizationId);
    expect(patients).toHaveLength(seedPatients.length);
    expect(patients.every((p) => p.lastSyncedAt !== null)).toBe(true);
    const documents = (await Promise.all(patients.map((p) => listPatientDocuments(handle.db, organizationId, p.id)))).flat();
    expect(documents.length).toBeGreaterThanOrEqual(12);
    expect(documents.every((d) => d.state === "processed" || d.state === "failed")).toBe(true);
  });
});
