import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { listPatientDocuments } from "@/db/queries/documents";
import { findPatient, listClinicalRecords, upsertPatientLink } from "@/db/queries/patients";
import { findSyncRun } from "@/db/queries/sync-runs";
import { auditEvents } from "@/db/schema";
import { createFhirClient } from "@/lib/fhir/create-fhir-client";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { loadPatientClinicalData } from "@/lib/sync/load-patient-clinical-data";
import { purgeExpiredClinicalData } from "@/lib/sync/purge-expired-clinical-data";
import { syncPatient } from "@/lib/sync/sync-patient";
import { buildDocumentReference } from "@/lib/writeback/build-document-reference";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createClinic, readTypes, sandboxClient, signInToSandbox, startSandboxWithClient } from "./sync-test-helpers";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
let clinic: Awaited<ReturnType<typeof createClinic>>;
const derrick = seedPatients.find((p) => p.given === "Derrick")!;
const desiree = seedPatients.find((p) => p.given === "Desiree")!;

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ sandbox, client } = await startSandboxWithClient());
  clinic = await createClinic(handle.db, "riverside-patient");
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

const link = (ehrPatientId: string) => upsertPatientLink(handle.db, clinic, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId });
const searchesSince = (mark: number) => sandbox.stats().requests.slice(mark).map((r) => decodeURIComponent(r.path));

describe("syncPatient against the sandbox", () => {
  it("pulls facts, clinical records and the document log on the first (full) sync", async () => {
    const patientId = await link(derrick.id);
    // The sandbox loaded its data moments ago: a clock 10 minutes ahead puts the cursor past it.
    const later = () => new Date(Date.now() + 10 * 60_000);
    const result = await syncPatient({ db: handle.db, organizationId: clinic, client, patientId, actorUserId: "usr_test", now: later });
    expect(result).toMatchObject({ status: "succeeded", mode: "full" });
    expect(result.counts.records).toBeGreaterThan(5);
    expect(result.documentIds).toHaveLength(2);

    const stored = await findPatient(handle.db, clinic, patientId);
    expect(stored!.factsEncrypted).not.toContain(derrick.birthDate);
    expect(stored!.lastSyncedAt).not.toBeNull();
    const data = await loadPatientClinicalData(handle.db, clinic, patientId);
    expect(data.facts).toMatchObject({ birthDate: derrick.birthDate, sexForClinicalUse: "male" });
    expect(JSON.stringify(data.facts)).not.toContain(derrick.family);
    expect(data.records.Condition.length).toBeGreaterThan(0);
    expect(data.records.Observation.length).toBeGreaterThan(0);
    expect(data.records.Immunization.length).toBeGreaterThan(0);
    for (const row of await listClinicalRecords(handle.db, clinic, patientId)) expect(row.dataEncrypted).toMatch(/^hp1\./);

    const docs = await listPatientDocuments(handle.db, clinic, patientId);
    expect(docs.map((d) => [d.ehrDocumentId, d.state, d.origin])).toEqual([
      ["eSbxDoc.Derrick.LabPdf", "pending", "ehr"],
      ["eSbxDoc.Derrick.Note1", "pending", "ehr"],
    ]);
    const [event] = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "patient.synced"));
    expect(event).toMatchObject({ actorUserId: "usr_test", organizationId: clinic, targetIds: [patientId] });
  });

  it("asks only for changes (_lastUpdated=gt…) on the next sync, and re-queues unfinished documents", async () => {
    const patientId = await link(derrick.id);
    const mark = sandbox.stats().requests.length;
    const result = await syncPatient({ db: handle.db, organizationId: clinic, client, patientId });
    expect(result.mode).toBe("incremental");
    const searches = searchesSince(mark).filter((p) => p.includes("?"));
    // One search per resource type, several categories at once (Condition, Observation).
    expect(searches.length).toBe(7);
    for (const path of searches) expect(path).toMatch(/_lastUpdated=gt\d{4}-\d{2}-\d{2}T/);
    // Nothing changed in Epic, so every search came back as an OperationOutcome-only "no data".
    expect(result.counts.noData).toBe(7);
    expect(result.counts.records).toBe(0);
    expect(result.status).toBe("succeeded");
    expect(result.documentIds).toHaveLength(2);
  });

  it("runs a full resync on request, without _lastUpdated", async () => {
    const patientId = await link(derrick.id);
    const mark = sandbox.stats().requests.length;
    const result = await syncPatient({ db: handle.db, organizationId: clinic, client, patientId, full: true });
    expect(result.mode).toBe("full");
    expect(searchesSince(mark).some((p) => p.includes("_lastUpdated"))).toBe(false);
    expect(result.counts.removed).toBe(0);
    expect((await findPatient(handle.db, clinic, patientId))!.lastFullSyncAt).not.toBeNull();
  });

  it("treats an Epic 'no results' searchset as no data, not an error", async () => {
    const patientId = await link(desiree.id);
    // A cursor after everything in the sandbox: every search comes back OperationOutcome-only.
    const result = await syncPatient({ db: handle.db, organizationId: clinic, client, patientId, since: new Date(Date.now() + 60_000) });
    expect(result.status).toBe("succeeded");
    expect(result.counts.noData).toBe(7);
  });

  it("ends partial and keeps the cursor when Epic refuses one API (403), without losing the rest", async () => {
    const session = await signInToSandbox(sandbox, readTypes.filter((t) => t !== "Immunization").map((t) => `user/${t}.read`));
    const narrow = await createClinic(handle.db, "narrow-scopes");
    const patientId = await upsertPatientLink(handle.db, narrow, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId: derrick.id });
    const result = await syncPatient({ db: handle.db, organizationId: narrow, client: sandboxClient(sandbox, session), patientId });
    expect(result).toMatchObject({ status: "partial", counts: { refused: 1 } });
    expect((await findSyncRun(handle.db, narrow, result.syncRunId))!.status).toBe("partial");
    expect((await findPatient(handle.db, narrow, patientId))!.lastSyncedAt).toBeNull();
    const data = await loadPatientClinicalData(handle.db, narrow, patientId);
    expect(data.records.Condition.length).toBeGreaterThan(0);
    expect(data.records.Immunization).toHaveLength(0);
  });

  it("recognises our own written-back prep sheet and never queues it", async () => {
    const session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/DocumentReference.write"]);
    const writer = createFhirClient({ baseUrl: sandbox.fhirBase, getAccessToken: async () => session.accessToken });
    const created = await writer.create(
      buildDocumentReference({
        prepSheetId: "prep_01JC0000000000000000000000",
        ehrPatientId: derrick.id,
        ehrEncounterId: "eSbxEnc.Derrick.45",
        noteText: "HealthPrep prep sheet (synthetic)",
        docStatus: "preliminary",
        generatedAt: new Date().toISOString(),
        author: `Practitioner/${sandbox.practitioners.FHIR}`,
      }),
    );
    const patientId = await link(derrick.id);
    const result = await syncPatient({ db: handle.db, organizationId: clinic, client, patientId });
    const ours = (await listPatientDocuments(handle.db, clinic, patientId)).find((d) => d.ehrDocumentId === created.id);
    expect(ours).toMatchObject({ origin: "healthprep", state: "skipped", failureReason: "own_prep_sheet" });
    expect(result.documentIds).not.toContain(ours!.id);
  });

  it("does not show one clinic's patient, records or documents to another", async () => {
    const patientId = await link(derrick.id);
    const other = await createClinic(handle.db, "other-clinic");
    expect(await findPatient(handle.db, other, patientId)).toBeNull();
    expect(await listClinicalRecords(handle.db, other, patientId)).toEqual([]);
    expect(await listPatientDocuments(handle.db, other, patientId)).toEqual([]);
    await expect(syncPatient({ db: handle.db, organizationId: other, client, patientId })).rejects.toMatchObject({ code: "not_found" });
    await expect(loadPatientClinicalData(handle.db, other, patientId)).rejects.toMatchObject({ code: "not_found" });
  });

  it("purges cached clinical data of patients not scheduled within the retention window", async () => {
    const patientId = await link(derrick.id);
    expect((await listClinicalRecords(handle.db, clinic, patientId)).length).toBeGreaterThan(0);
    const purged = await purgeExpiredClinicalData(handle.db, new Date(Date.now() + 31 * 86_400_000));
    expect(purged.patients).toBeGreaterThan(0);
    expect(await listClinicalRecords(handle.db, clinic, patientId)).toEqual([]);
    expect(await listPatientDocuments(handle.db, clinic, patientId)).toEqual([]);
    expect(await findPatient(handle.db, clinic, patientId)).toMatchObject({ factsEncrypted: null, lastSyncedAt: null });
  });
});
