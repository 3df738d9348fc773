import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { purgePrepSheetContentBefore } from "@/db/queries/prep-sheets";
import { purgeStaleScreeningResults } from "@/db/queries/screenings";
import { appointments, auditEvents, patients, prepSheets, screeningResults, writeBacks } from "@/db/schema";
import { runClinicDay } from "@/lib/clinic-day/run-clinic-day";
import { localDate } from "@/lib/dates/local-date";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { downloadPrepSheetPdf } from "@/lib/prep-sheet-data/download-prep-sheet-pdf";
import { isPrepSheetExpiredError, loadPrepSheet, prepSheetExpiredMessage } from "@/lib/prep-sheet-data/load-prep-sheet";
import { applyPreset } from "@/lib/screening-data/apply-preset";
import { screenPatient } from "@/lib/screening-data/screen-patient";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { purgeExpiredClinicalData } from "@/lib/sync/purge-expired-clinical-data";
import { writePrepSheetToEhr } from "@/lib/writeback/write-prep-sheet-to-ehr";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createSandboxClinic } from "./prep-sheet-test-helpers";
import { createCountingOcr, readTypes, sandboxClient, signInToSandbox } from "./sync-test-helpers";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
let clinicA: Id<"organization">;
let clinicB: Id<"organization">;
const timeZone = "America/New_York";
const today = localDate(timeZone, new Date());
const ctx = (): SyncJobContext => ({ db: handle.db, getFhirClient: async () => ({ client, fhirBaseUrl: sandbox.fhirBase }), getOcr: async () => createCountingOcr(), now: () => new Date() });
const days = (n: number) => sql`interval '1 day' * ${n}`;

/** Clinic A's first five visits (and those patients) are moved 40 days into the past; the rest stay current. */
let oldAppointmentIds: Id<"appointment">[] = [];
let oldPatientIds: Id<"patient">[] = [];
let oldSheetIds: string[] = [];
let recentSheetIds: string[] = [];

const sheetsOf = (organizationId: Id<"organization">) => handle.db.select().from(prepSheets).where(eq(prepSheets.organizationId, organizationId)).orderBy(prepSheets.id);
const resultsOf = (organizationId: Id<"organization">) => handle.db.select().from(screeningResults).where(eq(screeningResults.organizationId, organizationId)).orderBy(screeningResults.id);
const ledgerOf = (organizationId: Id<"organization">) => handle.db.select().from(writeBacks).where(eq(writeBacks.organizationId, organizationId)).orderBy(writeBacks.id);
const auditOf = (organizationId: Id<"organization">) => handle.db.select().from(auditEvents).where(eq(auditEvents.organizationId, organizationId)).orderBy(auditEvents.id);

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startEpicSandbox();
  const session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/Practitioner.read", "user/DocumentReference.write"]);
  client = sandboxClient(sandbox, session);
  clinicA = await createSandboxClinic(handle.db, sandbox, "retention-a");
  clinicB = await createSandboxClinic(handle.db, sandbox, "retention-b");
  for (const [organizationId, slug] of [[clinicA, "retention-a"], [clinicB, "retention-b"]] as const) {
    await applyPreset(handle.db, { organizationId, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
    await runClinicDay(ctx(), { orgSlug: slug, date: today });
    const ids = await handle.db.select({ id: patients.id }).from(patients).where(eq(patients.organizationId, organizationId));
    for (const { id } of ids) await screenPatient(handle.db, { organizationId, patientId: id, asOf: today, timeZone });
  }
  const visits = await handle.db.select().from(appointments).where(eq(appointments.organizationId, clinicA)).orderBy(appointments.startAt);
  oldAppointmentIds = visits.slice(0, 5).map((v) => v.id);
  oldPatientIds = visits.slice(0, 5).map((v) => v.patientId);
  const sheets = await sheetsOf(clinicA);
  oldSheetIds = sheets.filter((s) => oldAppointmentIds.includes(s.appointmentId)).map((s) => s.id);
  recentSheetIds = sheets.filter((s) => !oldAppointmentIds.includes(s.appointmentId)).map((s) => s.id);
  // One old and one recent sheet are in Epic, so the ledger has rows on both sides of the cut.
  for (const prepSheetId of [oldSheetIds[0]!, recentSheetIds[0]!]) {
    expect(await writePrepSheetToEhr(handle.db, client, { organizationId: clinicA, prepSheetId })).toMatchObject({ outcome: "confirmed" });
  }
  await handle.db.update(appointments).set({ startAt: sql`${appointments.startAt} - ${days(40)}` }).where(inArray(appointments.id, oldAppointmentIds));
  await handle.db.update(prepSheets).set({ generatedAt: sql`${prepSheets.generatedAt} - ${days(40)}` }).where(inArray(prepSheets.id, oldSheetIds));
  await handle.db.update(patients).set({ lastScheduledAt: sql`now() - ${days(40)}`, createdAt: sql`now() - ${days(40)}` }).where(inArray(patients.id, oldPatientIds));
  await handle.db.update(screeningResults).set({ evaluatedAt: sql`${screeningResults.evaluatedAt} - ${days(40)}` }).where(inArray(screeningResults.patientId, oldPatientIds));
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

describe("retention purge of prep sheets and screening results", () => {
  it("purges old prep sheet content and screening results, keeps recent ones, the other clinic, the ledger and the audit trail", async () => {
    expect(oldSheetIds).toHaveLength(5);
    const [sheetsB, resultsB, ledgerA, auditA, auditB] = await Promise.all([sheetsOf(clinicB), resultsOf(clinicB), ledgerOf(clinicA), auditOf(clinicA), auditOf(clinicB)]);
    const resultsA = await resultsOf(clinicA);
    const oldResults = resultsA.filter((r) => oldPatientIds.includes(r.patientId));
    const recentResults = resultsA.filter((r) => !oldPatientIds.includes(r.patientId));
    expect(oldResults.length).toBeGreaterThan(0);
    expect(recentResults.length).toBeGreaterThan(0);
    expect(ledgerA).toHaveLength(2);
    const recentSheetsBefore = (await sheetsOf(clinicA)).filter((s) => recentSheetIds.includes(s.id));

    const purged = await purgeExpiredClinicalData(handle.db, new Date());
    expect(purged).toMatchObject({ clinics: 2, prepSheets: 5, screeningResults: oldResults.length, patients: 5 });

    // Old sheets: the row stays (ids, version, status), the content is gone and says so.
    const sheetsA = await sheetsOf(clinicA);
    for (const id of oldSheetIds) {
      expect(sheetsA.find((s) => s.id === id)).toMatchObject({ modelEncrypted: "", contentHash: "purged" });
      const error = await loadPrepSheet(handle.db, { organizationId: clinicA, prepSheetId: id }).catch((e: unknown) => e);
      expect(isPrepSheetExpiredError(error)).toBe(true);
      expect(error).toMatchObject({ code: "not_found", publicMessage: prepSheetExpiredMessage });
    }
    await expect(downloadPrepSheetPdf(handle.db, { organizationId: clinicA, userId: "usr_test", prepSheetId: oldSheetIds[1]! }, {})).rejects.toMatchObject({ publicMessage: prepSheetExpiredMessage });
    // Recent sheets: untouched and readable.
    expect(sheetsA.filter((s) => recentSheetIds.includes(s.id))).toEqual(recentSheetsBefore);
    for (const id of recentSheetIds) expect((await loadPrepSheet(handle.db, { organizationId: clinicA, prepSheetId: id })).sheet.id).toBe(id);

    // Screening results: the old patients' are gone, the current patients' are as they were.
    expect(await resultsOf(clinicA)).toEqual(recentResults);
    // The other clinic (same Epic patients, current schedule) is untouched.
    expect(await sheetsOf(clinicB)).toEqual(sheetsB);
    expect(await resultsOf(clinicB)).toEqual(resultsB);
    expect(await auditOf(clinicB)).toEqual(auditB);
    // The write-back ledger is kept whole, including the row of a purged sheet.
    expect(await ledgerOf(clinicA)).toEqual(ledgerA);
    expect(ledgerA.some((w) => oldSheetIds.includes(w.prepSheetId))).toBe(true);

    // One audit event for clinic A: counts only; earlier audit rows unchanged.
    const after = await auditOf(clinicA);
    expect(after.slice(0, auditA.length)).toEqual(auditA);
    const added = after.slice(auditA.length);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      action: "clinical_data.purged", actorUserId: null, targetType: "organization", targetIds: [clinicA],
      metadata: { retentionDays: 30, prepSheets: 5, screeningResults: oldResults.length, patients: 5, documents: purged.documents },
    });
    const text = JSON.stringify(added);
    for (const p of seedPatients) for (const value of [p.given, p.family, p.birthDate, p.mrn, p.id]) expect(text).not.toContain(value);

    // A second run finds no prep sheet or screening result left to purge.
    expect(await purgeExpiredClinicalData(handle.db, new Date())).toMatchObject({ prepSheets: 0, screeningResults: 0, documents: 0 });
  });

  it("the purge queries touch only the clinic they are given", async () => {
    const [sheetsB, resultsB] = await Promise.all([sheetsOf(clinicB), resultsOf(clinicB)]);
    // Clinic B's data is as old as clinic A's was, but the purge below is for clinic A only.
    await handle.db.update(appointments).set({ startAt: sql`${appointments.startAt} - ${days(40)}` }).where(eq(appointments.organizationId, clinicB));
    await handle.db.update(prepSheets).set({ generatedAt: sql`${prepSheets.generatedAt} - ${days(40)}` }).where(eq(prepSheets.organizationId, clinicB));
    await handle.db.update(patients).set({ lastScheduledAt: sql`now() - ${days(40)}`, createdAt: sql`now() - ${days(40)}` }).where(eq(patients.organizationId, clinicB));
    await handle.db.update(screeningResults).set({ evaluatedAt: sql`${screeningResults.evaluatedAt} - ${days(40)}` }).where(eq(screeningResults.organizationId, clinicB));
    const before = new Date(Date.now() - 30 * 86_400_000);
    expect(await purgePrepSheetContentBefore(handle.db, clinicA, before)).toBe(0);
    expect(await purgeStaleScreeningResults(handle.db, clinicA, before)).toBe(0);
    expect((await sheetsOf(clinicB)).map((s) => s.modelEncrypted)).toEqual(sheetsB.map((s) => s.modelEncrypted));
    expect((await resultsOf(clinicB)).map((r) => r.id)).toEqual(resultsB.map((r) => r.id));
    // And clinic B's own run purges it.
    expect(await purgePrepSheetContentBefore(handle.db, clinicB, before)).toBe(sheetsB.length);
    expect(await purgeStaleScreeningResults(handle.db, clinicB, before)).toBe(resultsB.length);
    expect(await handle.db.select().from(screeningResults).where(and(eq(screeningResults.organizationId, clinicB)))).toEqual([]);
  });
});
