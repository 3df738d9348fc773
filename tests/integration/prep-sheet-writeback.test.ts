import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAppointment, findPrepSheet, listWriteBacksForPrepSheet } from "@/db/queries/prep-sheets";
import { auditEvents, organizations, prepSheets, writeBacks } from "@/db/schema";
import { runClinicDay } from "@/lib/clinic-day/run-clinic-day";
import { localDate } from "@/lib/dates/local-date";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { generatePrepSheet } from "@/lib/prep-sheet-data/generate-prep-sheet";
import { loadPrepSheet } from "@/lib/prep-sheet-data/load-prep-sheet";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { prepSheetIdentifierSystem } from "@/lib/writeback";
import { writePrepSheetToEhr } from "@/lib/writeback/write-prep-sheet-to-ehr";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { startEpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createSandboxClinic } from "./prep-sheet-test-helpers";
import { createCountingOcr, readTypes, sandboxClient, signInToSandbox } from "./sync-test-helpers";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
let clinicA: Id<"organization">;
let clinicB: Id<"organization">;
const today = localDate("America/New_York", new Date());
const ocr = createCountingOcr();
const ctx = (): SyncJobContext => ({ db: handle.db, getFhirClient: async () => ({ client, fhirBaseUrl: sandbox.fhirBase }), getOcr: async () => ocr, now: () => new Date() });

/** The first prep sheet of each of today's visits, in appointment order (later versions are made by the tests). */
async function sheetsOf(organizationId: Id<"organization">) {
  const rows = await handle.db.select().from(prepSheets).where(eq(prepSheets.organizationId, organizationId)).orderBy(prepSheets.appointmentId, prepSheets.version);
  return rows.filter((r) => r.version === 1);
}
const createdFor = (prepSheetId: string) =>
  sandbox.stats().documentReferencesCreated.filter((d) => d.identifier.some((i) => i.system === prepSheetIdentifierSystem && i.value === prepSheetId));

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startEpicSandbox();
  const session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/Practitioner.read", "user/DocumentReference.write"]);
  client = sandboxClient(sandbox, session);
  clinicA = await createSandboxClinic(handle.db, sandbox, "prep-a");
  clinicB = await createSandboxClinic(handle.db, sandbox, "prep-b");
  await runClinicDay(ctx(), { orgSlug: "prep-a", date: today });
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

describe("generatePrepSheet", () => {
  it("stores one encrypted sheet per visit today, with the appointment's prep status and an audit event", async () => {
    const sheets = await sheetsOf(clinicA);
    expect(sheets).toHaveLength(seedPatients.length);
    for (const row of sheets) {
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.modelEncrypted.startsWith("hp1.")).toBe(true);
      const { sheet } = await loadPrepSheet(handle.db, { organizationId: clinicA, prepSheetId: row.id });
      expect(sheet.id).toBe(row.id);
      expect(sheet.header.patientName).not.toBe("(name not available)");
      expect(sheet.screenings.length).toBeGreaterThan(0);
      expect(row.modelEncrypted).not.toContain(sheet.header.patientName);
      expect((await findAppointment(handle.db, clinicA, row.appointmentId))?.prepStatus).toBe(row.status);
    }
    const audits = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, clinicA), eq(auditEvents.action, "prep_sheet.generated")));
    expect(audits).toHaveLength(seedPatients.length);
    const forbidden = seedPatients.flatMap((p) => [p.given, p.family, p.birthDate, p.mrn]);
    for (const value of forbidden) expect(JSON.stringify(audits)).not.toContain(value);
  });

  it("stores nothing new when the content has not changed, and a new version when it has", async () => {
    const [first] = await sheetsOf(clinicA);
    const again = await generatePrepSheet(handle.db, { organizationId: clinicA, appointmentId: first!.appointmentId, asOf: today, generatedAt: new Date().toISOString(), client });
    expect(again).toMatchObject({ prepSheetId: first!.id, version: 1, created: false });
    const ciphertext = first!.modelEncrypted;
    // aad binds the model to its row: moved to another row, it does not decrypt.
    const [second] = (await sheetsOf(clinicA)).slice(1);
    await handle.db.update(prepSheets).set({ modelEncrypted: ciphertext }).where(eq(prepSheets.id, second!.id));
    await expect(loadPrepSheet(handle.db, { organizationId: clinicA, prepSheetId: second!.id })).rejects.toThrow(/authentication/);
    await handle.db.update(prepSheets).set({ modelEncrypted: second!.modelEncrypted }).where(eq(prepSheets.id, second!.id));
  });
});

describe("writePrepSheetToEhr", () => {
  it("files a preliminary note with our identifier against the appointment's encounter, once", async () => {
    const [row] = await sheetsOf(clinicA);
    const appointment = await findAppointment(handle.db, clinicA, row!.appointmentId);
    const result = await writePrepSheetToEhr(handle.db, client, { organizationId: clinicA, prepSheetId: row!.id });
    expect(result).toMatchObject({ outcome: "confirmed", replacesEpicId: null });
    const created = createdFor(row!.id);
    expect(created).toHaveLength(1);
    const note = await client.read("DocumentReference", created[0]!.id);
    expect(note.identifier).toEqual([{ system: "urn:healthprep:prep-sheet", value: row!.id }]);
    expect(note.context?.encounter?.[0]?.reference).toBe(`Encounter/${appointment!.ehrEncounterId}`);
    expect(note.docStatus).toBe("preliminary");
    expect(JSON.stringify({ ...note, content: [] })).not.toMatch(/Lopez|Camila|Lin|Davis|McGinnis|Powell/);

    const rerun = await writePrepSheetToEhr(handle.db, client, { organizationId: clinicA, prepSheetId: row!.id });
    expect(rerun).toMatchObject({ outcome: "skipped", reason: "unchanged" });
    expect(createdFor(row!.id)).toHaveLength(1);
    const [ledger] = await listWriteBacksForPrepSheet(handle.db, clinicA, row!.id);
    expect(ledger).toMatchObject({ state: "confirmed", attempts: 1, epicDocumentReferenceId: created[0]!.id, lastErrorCode: null });
  });

  it("replaces the previous note (relatesTo) when the content changes", async () => {
    const [row] = await sheetsOf(clinicA);
    const previous = createdFor(row!.id)[0]!.id;
    // A later asOf moves the data windows, so the sheet says something different.
    const next = await generatePrepSheet(handle.db, { organizationId: clinicA, appointmentId: row!.appointmentId, asOf: "2099-01-01", generatedAt: new Date().toISOString(), client });
    expect(next).toMatchObject({ version: 2, created: true });
    const result = await writePrepSheetToEhr(handle.db, client, { organizationId: clinicA, prepSheetId: next.prepSheetId });
    expect(result).toMatchObject({ outcome: "confirmed", replacesEpicId: previous });
    expect(createdFor(next.prepSheetId)).toEqual([expect.objectContaining({ relatesTo: [{ code: "replaces", target: `DocumentReference/${previous}` }] })]);
  });

  it("after a dropped answer goes unknown → reconciled by searching, with exactly one note in Epic", async () => {
    const [, row] = await sheetsOf(clinicA);
    sandbox.setFaults("drop-after-create=1.0");
    try {
      const result = await writePrepSheetToEhr(handle.db, client, { organizationId: clinicA, prepSheetId: row!.id });
      expect(result).toMatchObject({ outcome: "reconciled" });
    } finally {
      sandbox.setFaults("");
    }
    expect(createdFor(row!.id)).toHaveLength(1);
    const [ledger] = await listWriteBacksForPrepSheet(handle.db, clinicA, row!.id);
    expect(ledger).toMatchObject({ state: "reconciled", attempts: 1, epicDocumentReferenceId: createdFor(row!.id)[0]!.id, lastErrorCode: "connection_lost" });
    const trail = await handle.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.organizationId, clinicA));
    expect(trail.map((t) => t.action)).toEqual(expect.arrayContaining(["ehr_writeback.sent", "ehr_writeback.outcome_unknown", "ehr_writeback.reconciled"]));

    expect(await writePrepSheetToEhr(handle.db, client, { organizationId: clinicA, prepSheetId: row!.id })).toMatchObject({ outcome: "skipped", reason: "unchanged" });
    expect(createdFor(row!.id)).toHaveLength(1);
  });

  it("a row left `sent` by a dead worker is searched for before anything is sent again", async () => {
    const [, , row] = await sheetsOf(clinicA);
    const appointment = await findAppointment(handle.db, clinicA, row!.appointmentId);
    const sentAt = new Date(Date.now() - 120_000);
    await handle.db.insert(writeBacks).values({
      id: "wb_01JC0000000000000000000000", organizationId: clinicA, prepSheetId: row!.id, patientId: row!.patientId, ehrEncounterId: appointment!.ehrEncounterId!,
      contentHash: row!.contentHash, state: "sent", attempts: 1, sentAt,
    });
    const before = sandbox.stats().fhirRequests;
    const result = await writePrepSheetToEhr(handle.db, client, { organizationId: clinicA, prepSheetId: row!.id });
    expect(result).toMatchObject({ outcome: "confirmed" });
    const requests = sandbox.stats().requests.slice(-(sandbox.stats().fhirRequests - before)).map((r) => `${r.method} ${r.path.split("?")[0]}`);
    // The search for our identifier comes before the one create.
    expect(requests.indexOf("GET /api/FHIR/R4/DocumentReference")).toBeLessThan(requests.indexOf("POST /api/FHIR/R4/DocumentReference"));
    expect(createdFor(row!.id)).toHaveLength(1);
    expect((await listWriteBacksForPrepSheet(handle.db, clinicA, row!.id))[0]).toMatchObject({ state: "confirmed", attempts: 2 });
  });

  it("under 503, 429, dropped answers and latency: every sheet ends with exactly one note and every ledger row terminal", async () => {
    const rows = (await sheetsOf(clinicA)).slice(3);
    sandbox.setFaults("status-503=0.2,status-429=0.2,drop-after-create=0.5,latency-ms=5");
    try {
      for (const row of rows) {
        for (let attempt = 0; attempt < 15; attempt++) {
          const result = await writePrepSheetToEhr(handle.db, client, { organizationId: clinicA, prepSheetId: row.id }).catch(() => null);
          if (result && (result.outcome === "confirmed" || result.outcome === "reconciled" || (result.outcome === "skipped" && result.reason === "unchanged"))) break;
        }
      }
    } finally {
      sandbox.setFaults("");
    }
    for (const row of rows) expect(createdFor(row.id), row.id).toHaveLength(1);
    const ledger = await handle.db.select().from(writeBacks).where(eq(writeBacks.organizationId, clinicA));
    expect(ledger.every((w) => ["confirmed", "reconciled", "failed"].includes(w.state))).toBe(true);
    expect(ledger.filter((w) => w.state === "failed").every((w) => /^(http_(429|503)|network_not_sent)$/.test(w.lastErrorCode ?? ""))).toBe(true);
  });

  it("writes nothing in dry-run or past the daily cap", async () => {
    const [row] = await sheetsOf(clinicA);
    const fresh = await generatePrepSheet(handle.db, { organizationId: clinicA, appointmentId: row!.appointmentId, asOf: "2099-06-01", generatedAt: new Date().toISOString(), client });
    const count = sandbox.stats().documentReferencesCreated.length;
    expect(await writePrepSheetToEhr(handle.db, client, { organizationId: clinicA, prepSheetId: fresh.prepSheetId, dryRun: true })).toMatchObject({ outcome: "skipped", reason: "dry_run" });
    await handle.db.update(organizations).set({ settings: { writeBack: { dailyCap: 1 } } as never }).where(eq(organizations.id, clinicA));
    try {
      expect(await writePrepSheetToEhr(handle.db, client, { organizationId: clinicA, prepSheetId: fresh.prepSheetId })).toMatchObject({ outcome: "skipped", reason: "daily_cap" });
    } finally {
      await handle.db.update(organizations).set({ settings: {} }).where(eq(organizations.id, clinicA));
    }
    expect(sandbox.stats().documentReferencesCreated.length).toBe(count);
  });
});

describe("clinic isolation", () => {
  it("one clinic cannot read, regenerate or write another clinic's prep sheet", async () => {
    const [row] = await sheetsOf(clinicA);
    expect(await findPrepSheet(handle.db, clinicB, row!.id)).toBeNull();
    await expect(loadPrepSheet(handle.db, { organizationId: clinicB, prepSheetId: row!.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(writePrepSheetToEhr(handle.db, client, { organizationId: clinicB, prepSheetId: row!.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(generatePrepSheet(handle.db, { organizationId: clinicB, appointmentId: row!.appointmentId, asOf: today, generatedAt: new Date().toISOString() })).rejects.toMatchObject({ code: "not_found" });
    // Clinic B's own day keeps its own sheets and ledger.
    await runClinicDay(ctx(), { orgSlug: "prep-b", date: today, writeBack: true });
    const own = await sheetsOf(clinicB);
    expect(own).toHaveLength(seedPatients.length);
    expect(own.some((s) => s.id === row!.id)).toBe(false);
    const ledgerB = await handle.db.select().from(writeBacks).where(eq(writeBacks.organizationId, clinicB));
    expect(ledgerB).toHaveLength(seedPatients.length);
    expect(new Set(ledgerB.map((w) => w.prepSheetId))).toEqual(new Set(own.map((s) => s.id)));
  });
});
