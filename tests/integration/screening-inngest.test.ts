import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertPatientLink } from "@/db/queries/patients";
import { listScreeningResults } from "@/db/queries/screenings";
import { createJobs } from "@/inngest/functions";
import { createInProcessRunner } from "@/inngest/in-process-runner";
import { dispatchEvents, registerJobDispatcher } from "@/lib/jobs/dispatch-event";
import { documentProcessRequested, patientScreenRequested, patientSyncRequested } from "@/lib/jobs/events";
import { createId, type Id } from "@/lib/ids";
import { uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { applyPreset } from "@/lib/screening-data/apply-preset";
import { listPatientScreenings } from "@/lib/screening-data/list-patient-screenings";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import { openJobHarness, runInngestFunction, type JobHarness, type SentEvent } from "./fixtures/open-job-harness";
import { createClinic } from "./sync-test-helpers";

let harness: JobHarness;
let { handle, sandbox } = {} as JobHarness;
const warren = seedPatients.find((p) => p.given === "Warren")!;

beforeAll(async () => {
  // A clock ahead of the sandbox's load time, so the incremental cursor is past its data.
  harness = await openJobHarness({ clockAheadMs: 600_000 });
  ({ handle, sandbox } = harness);
});
afterAll(async () => harness?.close());

const execute = (id: string, event: { name: string; data: Record<string, unknown> }) =>
  runInngestFunction(harness.deps, id, event, ["fan-out-documents", "request-screening"]);

const forbidden = [warren.given, warren.family, warren.birthDate, warren.mrn, warren.id, "Colonoscopy to the cecum", "cecum", "adenoma", "Sandbox Lane"];

describe("screen-patient: triggered by sync and document processing, ids only", () => {
  it("sync → documents → screen through the Inngest functions; no PHI in payloads or step outputs", async () => {
    const organizationId = await createClinic(handle.db, "screening-inngest");
    await applyPreset(handle.db, { organizationId, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
    const patientId = await upsertPatientLink(handle.db, organizationId, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId: warren.id });
    const seen: unknown[] = [];

    const sync = await execute("sync-patient", patientSyncRequested.create({ organizationId, patientId, requestId: createId("job") }));
    seen.push(sync.result, sync.outputs, sync.sent);
    const afterSync = sync.sent.filter((e) => e.name === patientScreenRequested.name);
    expect(afterSync).toHaveLength(1);
    const syncRunId = (sync.result as { syncRunId: string }).syncRunId;
    expect(afterSync[0]).toMatchObject({ data: { organizationId, patientId, requestId: syncRunId, causeId: syncRunId }, id: `screen-patient-${patientId}-${syncRunId}` });

    const screenRequests: SentEvent[] = [...afterSync];
    for (const event of sync.sent.filter((e) => e.name === documentProcessRequested.name)) {
      const run = await execute("process-document", event);
      seen.push(run.result, run.outputs, run.sent);
      const requested = run.sent.filter((e) => e.name === patientScreenRequested.name);
      if ((run.result as { state: string }).state === "processed") {
        expect(requested).toEqual([expect.objectContaining({ data: { organizationId, patientId, requestId: syncRunId, causeId: event.data.documentId } })]);
      }
      screenRequests.push(...requested);
    }
    expect(screenRequests.length).toBeGreaterThan(1);

    for (const event of screenRequests) {
      expect(Object.keys(event.data).sort()).toEqual(["causeId", "organizationId", "patientId", "requestId"]);
      for (const value of Object.values(event.data)) expect(String(value)).toMatch(/^[a-z]+_[0-9A-Z]{26}$/);
      const run = await execute("screen-patient", event);
      seen.push(run.result, run.outputs);
      expect(run.result).toMatchObject({ patientId, outcome: "screened" });
    }
    const results = await listPatientScreenings(handle.db, { organizationId, patientId });
    expect(results.find((r) => r.screeningTypeKey === "colorectal-colonoscopy")?.evidenceIds.some((id) => id.includes(":document:doc_"))).toBe(true);

    const text = JSON.stringify(seen);
    expect(text).toContain(patientId);
    expect(text).toMatch(/"statuses":\{/);
    for (const value of forbidden) expect(text, `found ${value}`).not.toContain(value);
  });

  it("refuses a screening request that carries anything but ids", async () => {
    registerJobDispatcher({ mode: "in-process", send: async () => undefined });
    const data = { organizationId: createId("organization"), patientId: createId("patient"), requestId: createId("syncRun"), causeId: createId("document") };
    await expect(dispatchEvents({ name: patientScreenRequested.name, data })).resolves.toBeUndefined();
    await expect(dispatchEvents({ name: patientScreenRequested.name, data: { ...data, birthDate: "1955-02-21" } })).rejects.toMatchObject({ code: "internal" });
    await expect(dispatchEvents({ name: patientScreenRequested.name, data: { ...data, patientId: warren.id } })).rejects.toThrow();
  });

  it("embedded mode: one patient sync event ends with stored screening results, per clinic", async () => {
    const organizationId: Id<"organization"> = await createClinic(handle.db, "screening-embedded");
    const bystander: Id<"organization"> = await createClinic(handle.db, "screening-bystander");
    await applyPreset(handle.db, { organizationId, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
    await applyPreset(handle.db, { organizationId: bystander, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
    const patientId = await upsertPatientLink(handle.db, organizationId, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId: warren.id });
    const runner = createInProcessRunner(createJobs(harness.deps), { retryDelayMs: 1 });
    registerJobDispatcher(runner);
    await dispatchEvents(patientSyncRequested.create({ organizationId, patientId, requestId: createId("job") }));
    await runner.idle();
    const rows = await listScreeningResults(handle.db, organizationId, patientId);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.find((r) => r.screeningTypeKey === "colorectal-colonoscopy")).toMatchObject({ status: "complete" });
    expect(await listScreeningResults(handle.db, bystander, patientId)).toEqual([]);
  });
});
