import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertPatientLink } from "@/db/queries/patients";
import { findSyncRun } from "@/db/queries/sync-runs";
import { syncRuns } from "@/db/schema";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { getScheduleDay } from "@/lib/schedule/get-schedule-day";
import { beginSyncRun } from "@/lib/sync/begin-sync-run";
import { interruptedSyncCode, syncRunLeaseMs } from "@/lib/sync/read-sync-run-status";
import { syncPatient } from "@/lib/sync/sync-patient";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createClinic, startSandboxWithClient } from "./sync-test-helpers";

/**
 * Issue 16: a sync row whose process was killed mid-pull must not stay "running" for ever. The row
 * carries a lease the live process renews; once it lapses, pages read the run as interrupted and the
 * clinic's next sync ends it `failed` (code `interrupted`) and pulls the patient again. A kill is what
 * beginSyncRun leaves when its process stops renewing (release without a finish); time is a clock
 * handed in, so nothing here sleeps to let a lease lapse (tests/crash kills real processes).
 */
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
let clinic: Awaited<ReturnType<typeof createClinic>>;
const [first, second] = seedPatients;
const t0 = new Date();
const at = (ms: number) => () => new Date(t0.getTime() + ms);

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ sandbox, client } = await startSandboxWithClient());
  clinic = await createClinic(handle.db, "lease-clinic");
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

describe("sync run leases", () => {
  it("a killed pull reads as interrupted once its lease lapses; the next pull ends it failed and pulls the patient in full", async () => {
    const link = (ehrPatientId: string) => upsertPatientLink(handle.db, clinic, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId });
    const [killedPatient, busyPatient] = [await link(first!.id), await link(second!.id)];

    // A schedule pull and a patient pull whose process dies at t0 (it never renews again), and a
    // patient pull started 50 s later by a process that is still alive.
    const killedSchedule = await beginSyncRun(handle.db, clinic, { kind: "schedule", triggeredBy: "system", startedAt: t0 }, { now: at(0) });
    const killedPull = await beginSyncRun(handle.db, clinic, { kind: "patient", mode: "full", patientId: killedPatient, triggeredBy: "system", startedAt: t0 }, { now: at(0) });
    killedSchedule.release();
    killedPull.release();
    const livePull = await beginSyncRun(handle.db, clinic, { kind: "patient", mode: "full", patientId: busyPatient, triggeredBy: "system", startedAt: at(50_000)() }, { now: at(50_000) });
    livePull.release();

    // Inside the lease the schedule still says it is syncing; once it lapses, the page says why it stopped.
    const day = (ms: number) => getScheduleDay(handle.db, { organizationId: clinic, timeZone: "America/New_York", date: "2026-12-07", now: at(ms)() });
    expect((await day(syncRunLeaseMs - 1_000)).sync.status).toBe("running");
    const lapsed = (await day(syncRunLeaseMs + 1_000)).sync;
    expect(lapsed.status).toBe("failed");
    expect(lapsed.error).toContain("stopped before it finished");
    // Reading changes nothing in the database.
    expect((await findSyncRun(handle.db, clinic, killedSchedule.syncRunId))!.status).toBe("running");

    // The next pull, a little after the lease lapsed, ends the abandoned rows and leaves the live one alone.
    const next = await syncPatient({ db: handle.db, organizationId: clinic, client, patientId: killedPatient, now: at(syncRunLeaseMs + 1_000) });
    expect(next).toMatchObject({ status: "succeeded", mode: "full" });
    for (const id of [killedSchedule.syncRunId, killedPull.syncRunId]) {
      const row = (await findSyncRun(handle.db, clinic, id))!;
      expect(row).toMatchObject({ status: "failed", errorCode: interruptedSyncCode, finishedAt: new Date(t0.getTime() + syncRunLeaseMs) });
      expect(row.errorReason).toContain("next run pulls this again");
    }
    expect((await findSyncRun(handle.db, clinic, livePull.syncRunId))!.status).toBe("running");
    const rows = await handle.db.select({ status: syncRuns.status }).from(syncRuns).where(and(eq(syncRuns.organizationId, clinic), eq(syncRuns.patientId, killedPatient)));
    expect(rows.map((r) => r.status).sort()).toEqual(["failed", "succeeded"]);
  });

  it("a live process keeps renewing its lease until it lets go", async () => {
    const held = await beginSyncRun(handle.db, clinic, { kind: "schedule", triggeredBy: "system", startedAt: new Date() }, { now: () => new Date(), leaseMs: 300 });
    const lease = async () => (await findSyncRun(handle.db, clinic, held.syncRunId))!.leaseExpiresAt!.getTime();
    const firstLease = await lease();
    // Renewals come every 100 ms: wait (bounded) until one lands.
    const deadline = Date.now() + 5_000;
    while ((await lease()) <= firstLease && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await lease()).toBeGreaterThan(firstLease);
    held.release();
    await handle.db.update(syncRuns).set({ status: "succeeded" }).where(eq(syncRuns.id, held.syncRunId));
  });
});
