import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { listAppointmentsInRange } from "@/db/queries/appointments";
import { findPatient, listPatients } from "@/db/queries/patients";
import { findSyncRun, listSyncRuns } from "@/db/queries/sync-runs";
import { appointments, auditEvents, patients } from "@/db/schema";
import { localDate } from "@/lib/dates/local-date";
import { clinicDayRange } from "@/lib/sync/clinic-day-range";
import { syncSchedule } from "@/lib/sync/sync-schedule";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { createTestDatabase } from "../setup/test-db";
import { createClinic, startSandboxWithClient } from "./sync-test-helpers";

const now = new Date();
const today = clinicDayRange("America/New_York", localDate("America/New_York", now));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
let riverside: Awaited<ReturnType<typeof createClinic>>;
let lakeside: Awaited<ReturnType<typeof createClinic>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ sandbox, client } = await startSandboxWithClient({ now: () => now }));
  riverside = await createClinic(handle.db, "riverside-sync");
  lakeside = await createClinic(handle.db, "lakeside-sync", "America/Chicago");
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

const sync = (organizationId: typeof riverside, practitionerId?: string, range = today) =>
  syncSchedule({ db: handle.db, organizationId, client, fhirBaseUrl: sandbox.fhirBase, ...range, ...(practitionerId ? { practitionerId } : {}) });

describe("syncSchedule against the sandbox", () => {
  it("refuses a clinic-wide sync before any practitioner is known", async () => {
    await expect(sync(riverside)).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("links every patient on today's schedule once and stores their appointments", async () => {
    const first = await sync(riverside, sandbox.practitioners.FHIR);
    const second = await sync(riverside, sandbox.practitioners.FHIRTWO);
    expect(first.appointments + second.appointments).toBe(seedPatients.length);
    const links = await listPatients(handle.db, riverside);
    expect(links.map((p) => p.ehrPatientId).sort()).toEqual(seedPatients.map((p) => p.id).sort());
    const rows = await listAppointmentsInRange(handle.db, riverside, today);
    expect(rows).toHaveLength(seedPatients.length);
    for (const row of rows) {
      expect(row.startAt.getTime()).toBeGreaterThanOrEqual(today.from.getTime());
      expect(row.startAt.getTime()).toBeLessThan(today.to.getTime());
      expect(row).toMatchObject({ status: "booked", prepStatus: "pending", visitType: "Office Visit" });
      expect(row.ehrEncounterId).toMatch(/^eSbxEnc/);
      expect(Object.values(sandbox.practitioners)).toContain(row.ehrPractitionerId);
    }
    const run = await findSyncRun(handle.db, riverside, first.syncRunId);
    expect(run).toMatchObject({ kind: "schedule", status: "succeeded", triggeredBy: "system" });
    expect(run!.counts).toMatchObject({ appointments: first.appointments, patients: first.patientIds.length });
  });

  it("is idempotent: a clinic-wide re-run over the known practitioners changes no row count", async () => {
    const before = (await handle.db.select().from(patients)).length;
    const again = await sync(riverside);
    expect(again.appointments).toBe(seedPatients.length);
    expect((await handle.db.select().from(patients)).length).toBe(before);
    expect((await handle.db.select().from(appointments).where(eq(appointments.organizationId, riverside))).length).toBe(seedPatients.length);
  });

  it("covers a week and keeps each patient linked once per clinic", async () => {
    const week = clinicDayRange("America/New_York", localDate("America/New_York", now), 8);
    const result = await sync(riverside, undefined, week);
    expect(result.appointments).toBe(seedPatients.length * 2);
    expect(new Set(result.patientIds).size).toBe(seedPatients.length);
    expect(await listPatients(handle.db, riverside)).toHaveLength(seedPatients.length);
  });

  it("gives the same Epic patient a separate link in another clinic", async () => {
    await sync(lakeside, sandbox.practitioners.FHIR);
    const [riversideLink] = await handle.db.select().from(patients).where(eq(patients.organizationId, riverside)).limit(1);
    const lakesideLinks = await listPatients(handle.db, lakeside);
    const same = lakesideLinks.find((p) => p.ehrPatientId === riversideLink!.ehrPatientId) ?? lakesideLinks[0]!;
    expect(same.id).not.toBe(riversideLink!.id);
    expect(await findPatient(handle.db, lakeside, riversideLink!.id)).toBeNull();
    expect(await findPatient(handle.db, riverside, same.id)).toBeNull();
  });

  it("links everyone exactly once through 429s, 503s, latency and an expired token", async () => {
    const faulty = await createClinic(handle.db, "faulty-sync");
    sandbox.resetStats();
    sandbox.setFaults("status-429=0.3,status-503=0.2,latency-ms=5");
    sandbox.expireTokens();
    const week = clinicDayRange("America/New_York", localDate("America/New_York", now), 8);
    const seen = (status: number) => sandbox.stats().requests.some((r) => r.status === status);
    try {
      await sync(faulty, sandbox.practitioners.FHIR, week);
      await sync(faulty, sandbox.practitioners.FHIRTWO, week);
      // Faults are random: repeat (idempotently) until both kinds were actually met.
      for (let i = 0; i < 20 && !(seen(429) && seen(503)); i++) await sync(faulty, undefined, week);
    } finally {
      sandbox.setFaults("");
    }
    const links = await listPatients(handle.db, faulty);
    expect(links.map((p) => p.ehrPatientId).sort()).toEqual(seedPatients.map((p) => p.id).sort());
    expect(seen(429) && seen(503) && seen(401)).toBe(true);
    expect(sandbox.stats().refreshRequests).toBeGreaterThan(0);
    expect(await listAppointmentsInRange(handle.db, faulty, week)).toHaveLength(seedPatients.length * 2);
  });

  it("records sync runs and audit events with ids and counts only", async () => {
    const runs = await listSyncRuns(handle.db, riverside, { kind: "schedule" });
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((r) => r.status === "succeeded" || r.status === "failed")).toBe(true);
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "schedule.synced"));
    const text = JSON.stringify(events);
    for (const p of seedPatients) {
      expect(text).not.toContain(p.family);
      expect(text).not.toContain(p.birthDate);
      expect(text).not.toContain(p.id);
    }
  });
});
