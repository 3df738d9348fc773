import { spawnSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, prepSheets, writeBacks } from "@/db/schema";
import { createInProcessRunner } from "@/inngest/in-process-runner";
import { createJobs } from "@/inngest/functions";
import type { JobDeps } from "@/inngest/job-deps";
import { runClinicDay, type ClinicDaySummary } from "@/lib/clinic-day/run-clinic-day";
import { localDate } from "@/lib/dates/local-date";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { createId } from "@/lib/ids";
import { dispatchEvents, registerJobDispatcher } from "@/lib/jobs/dispatch-event";
import { clinicDayPrepareRequested } from "@/lib/jobs/events";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createSandboxClinic } from "./prep-sheet-test-helpers";
import { createCountingOcr, readTypes, sandboxClient, signInToSandbox } from "./sync-test-helpers";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
const today = localDate("America/New_York", new Date());
const ocr = createCountingOcr();
const ctx = (): SyncJobContext => ({ db: handle.db, getFhirClient: async () => ({ client, fhirBaseUrl: sandbox.fhirBase }), getOcr: async () => ocr, now: () => new Date() });
const forbidden = seedPatients.flatMap((p) => [p.given, p.family, p.birthDate, p.mrn, `${p.given} ${p.family}`]);

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startEpicSandbox();
  const session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/Practitioner.read", "user/DocumentReference.write"]);
  client = sandboxClient(sandbox, session);
});
afterAll(async () => {
  registerJobDispatcher(undefined);
  await sandbox?.close();
  await handle?.close();
});

function expectShape(summary: ClinicDaySummary) {
  const line = JSON.stringify(summary);
  expect(line).not.toContain("\n");
  expect(Object.keys(summary)).toEqual(["org", "date", "patients", "documents", "timingsMs", "prepSheets", "prepSheetsReused", "writeBack", "results"]);
  expect(Object.keys(summary.documents)).toEqual(["total", "processed", "failed", "ocrPages", "cached"]);
  expect(Object.keys(summary.timingsMs)).toEqual(["sync", "documents", "screening", "render", "writeBack", "total"]);
  expect(Object.keys(summary.writeBack)).toEqual(["confirmed", "unknown", "failed", "skipped"]);
  for (const result of summary.results) {
    expect(Object.keys(result)).toEqual(["ehrPatientId", "status", "screenings"]);
    expect(["ready", "needs_review", "failed"]).toContain(result.status);
    for (const s of result.screenings) expect(Object.keys(s)).toEqual(["name", "status", "lastCompleted", "nextDue"]);
  }
  // The contract carries Epic patient ids (some sandbox ids spell a synthetic name); everything else must be free of names.
  const withoutIds = summary.results.reduce((text, r) => text.replaceAll(r.ehrPatientId, "<id>"), line);
  for (const value of forbidden) expect(withoutIds, `found ${value}`).not.toContain(value);
}

describe("clinic-day", () => {
  it("runs the day headless with write-back, then a warm rerun fetches, reads and writes nothing again", async () => {
    await createSandboxClinic(handle.db, sandbox, "day-clinic");
    const cold = await runClinicDay(ctx(), { orgSlug: "day-clinic", date: today, writeBack: true });
    expectShape(cold);
    expect(cold).toMatchObject({ org: "day-clinic", date: today, patients: seedPatients.length, prepSheets: seedPatients.length });
    expect(cold.writeBack).toEqual({ confirmed: seedPatients.length, unknown: 0, failed: 0, skipped: 0 });
    expect(cold.documents.total).toBeGreaterThanOrEqual(12);
    expect(cold.documents.processed + cold.documents.failed).toBe(cold.documents.total);
    expect(cold.documents.ocrPages).toBeGreaterThan(0);
    expect(new Set(cold.results.map((r) => r.ehrPatientId))).toEqual(new Set(seedPatients.map((p) => p.id)));
    expect(cold.results.every((r) => r.status !== "failed" && r.screenings.length > 0)).toBe(true);
    const colorectal = cold.results.flatMap((r) => r.screenings).filter((s) => /colorectal/i.test(s.name));
    expect(colorectal.length).toBeGreaterThan(0);

    const created = sandbox.stats().documentReferencesCreated.length;
    const ocrCalls = ocr.calls;
    const warm = await runClinicDay(ctx(), { orgSlug: "day-clinic", date: today, writeBack: true });
    expectShape(warm);
    expect(warm.documents).toMatchObject({ total: cold.documents.total, processed: cold.documents.processed, ocrPages: 0, cached: 0 });
    expect(warm.writeBack).toEqual({ confirmed: 0, unknown: 0, failed: 0, skipped: seedPatients.length });
    expect(warm.results).toEqual(cold.results);
    // Nothing changed, so no sheet was screened or built again.
    expect(cold.prepSheetsReused).toBe(0);
    expect(warm.prepSheetsReused).toBe(seedPatients.length);
    expect(ocr.calls).toBe(ocrCalls);
    expect(sandbox.stats().documentReferencesCreated.length).toBe(created);
    console.info(`clinic-day timings (sandbox in-process, stub OCR): cold ${JSON.stringify(cold.timingsMs)}, warm ${JSON.stringify(warm.timingsMs)}`);
  });

  it("embedded mode: prepare-clinic-day runs the same steps and fans out write-backs", async () => {
    const organizationId = await createSandboxClinic(handle.db, sandbox, "day-inngest");
    const deps: JobDeps = { context: async () => ctx() };
    const runner = createInProcessRunner(createJobs(deps), { retryDelayMs: 1 });
    registerJobDispatcher(runner);
    const event = clinicDayPrepareRequested.create({ organizationId, date: today, writeBack: true, requestId: createId("job") });
    await dispatchEvents(event);
    await runner.idle();
    const sheets = await handle.db.select().from(prepSheets).where(eq(prepSheets.organizationId, organizationId));
    expect(sheets).toHaveLength(seedPatients.length);
    const ledger = await handle.db.select().from(writeBacks).where(eq(writeBacks.organizationId, organizationId));
    expect(ledger.map((w) => w.state)).toEqual(Array(seedPatients.length).fill("confirmed"));
    const visits = await handle.db.select().from(appointments).where(eq(appointments.organizationId, organizationId));
    const todays = visits.filter((a) => localDate("America/New_York", a.startAt) === today);
    expect(todays.every((a) => a.prepStatus === "ready" || a.prepStatus === "needs_review")).toBe(true);
    // A replay of the same request is dropped (idempotency), and a new request writes nothing unchanged.
    await dispatchEvents([event, clinicDayPrepareRequested.create({ organizationId, date: today, writeBack: true, requestId: createId("job") })]);
    await runner.idle();
    expect(await handle.db.select().from(writeBacks).where(eq(writeBacks.organizationId, organizationId))).toHaveLength(seedPatients.length);
  });

  it("the CLI refuses bad arguments before touching anything", () => {
    const run = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/clinic-day.ts", "--org", "riverside", "--date", "28-11-2026"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("--date must be YYYY-MM-DD");
    expect(run.stdout).toBe("");
  });
});
