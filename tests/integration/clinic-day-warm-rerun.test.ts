import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listScreeningResults } from "@/db/queries/screenings";
import { insertUser } from "@/db/queries/users";
import { auditEvents, organizations, patients, prepSheets, syncRuns } from "@/db/schema";
import { runClinicDay } from "@/lib/clinic-day/run-clinic-day";
import { localDate } from "@/lib/dates/local-date";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { createId, type Id } from "@/lib/ids";
import { loadPrepSheet } from "@/lib/prep-sheet-data/load-prep-sheet";
import { uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { applyPreset } from "@/lib/screening-data/apply-preset";
import { recordScreeningReview } from "@/lib/screening-data/record-screening-review";
import { screenPatient } from "@/lib/screening-data/screen-patient";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createSandboxClinic } from "./prep-sheet-test-helpers";
import { createCountingOcr, readTypes, sandboxClient, signInToSandbox } from "./sync-test-helpers";

/**
 * Issue 16, warm re-run: a clinic day run again with nothing new keeps every sheet as it is (no
 * screening, no rendering, no new version, no record rewritten), and a run after something did
 * change — a new result in Epic, a clinician's review decision, a clinic setting — builds the
 * affected sheets again as new versions. One provider's half of the sandbox schedule, over HTTP.
 */
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
let clinic: Id<"organization">;
let reviewerId: string;
const slug = "warm-day";
const today = localDate("America/New_York", new Date());
const ocr = createCountingOcr();
const ctx = (): SyncJobContext => ({ db: handle.db, getFhirClient: async () => ({ client, fhirBaseUrl: sandbox.fhirBase }), getOcr: async () => ocr, now: () => new Date() });
const runDay = () => runClinicDay(ctx(), { orgSlug: slug, date: today, practitionerId: sandbox.practitioners.FHIR! });

/** appointment id → newest sheet version. */
async function newestVersions(): Promise<Map<string, number>> {
  const rows = await handle.db.select({ appointmentId: prepSheets.appointmentId, version: prepSheets.version }).from(prepSheets).where(eq(prepSheets.organizationId, clinic));
  const newest = new Map<string, number>();
  for (const r of rows) newest.set(r.appointmentId, Math.max(r.version, newest.get(r.appointmentId) ?? 0));
  return newest;
}
const generatedAudits = async () =>
  (await handle.db.select({ id: auditEvents.id }).from(auditEvents).where(and(eq(auditEvents.organizationId, clinic), eq(auditEvents.action, "prep_sheet.generated")))).length;
/** Appointments whose newest version moved between two snapshots. */
const moved = (before: Map<string, number>, after: Map<string, number>) => [...after].filter(([id, v]) => v !== before.get(id)).map(([id]) => id).sort();

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startEpicSandbox();
  const session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/Practitioner.read"]);
  client = sandboxClient(sandbox, session);
  clinic = await createSandboxClinic(handle.db, sandbox, slug);
  reviewerId = (await insertUser(handle.db, { id: createId("user"), name: "Reviewer", email: null })).id;
  await applyPreset(handle.db, { organizationId: clinic, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
}, 120_000);
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

describe("clinic day warm re-run", () => {
  it("keeps every sheet when nothing changed, and builds a new version for what a new result, a review decision or a setting changed", async () => {
    const cold = await runDay();
    expect(cold.prepSheets).toBeGreaterThanOrEqual(2);
    expect(cold.prepSheetsReused).toBe(0);
    const v1 = await newestVersions();
    expect([...v1.values()].every((v) => v === 1)).toBe(true);

    // Nothing new: every sheet kept without being built, nothing stored, no record rewritten.
    const audits = await generatedAudits();
    const warm = await runDay();
    expect(warm.prepSheetsReused).toBe(warm.prepSheets);
    expect(warm.timingsMs.render).toBe(0);
    expect(warm.results).toEqual(cold.results);
    expect(await newestVersions()).toEqual(v1);
    expect(await generatedAudits()).toBe(audits);
    const pulls = await handle.db.select({ counts: syncRuns.counts, startedAt: syncRuns.startedAt }).from(syncRuns).where(and(eq(syncRuns.organizationId, clinic), eq(syncRuns.kind, "patient")));
    const warmPulls = pulls.sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime()).slice(0, cold.patients);
    expect(warmPulls.every((p) => p.counts.changed === 0)).toBe(true);

    // A new lab result in Epic for one patient: only that patient's sheet is built again.
    const [visit] = await handle.db.select({ appointmentId: prepSheets.appointmentId, patientId: prepSheets.patientId, id: prepSheets.id }).from(prepSheets).where(eq(prepSheets.organizationId, clinic)).orderBy(prepSheets.appointmentId).limit(1);
    const [link] = await handle.db.select({ ehrPatientId: patients.ehrPatientId }).from(patients).where(eq(patients.id, visit!.patientId));
    await sandbox.putResources([{
      resourceType: "Observation", id: "warm-rerun-a1c", status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/observation-category", code: "laboratory" }] }],
      code: { coding: [{ system: "http://loinc.org", code: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood" }], text: "Hemoglobin A1c" },
      subject: { reference: `Patient/${link!.ehrPatientId}` },
      effectiveDateTime: new Date(Date.now() - 3_600_000).toISOString(),
      valueQuantity: { value: 6.4, unit: "%", system: "http://unitsofmeasure.org", code: "%" },
    }]);
    const afterResult = await runDay();
    expect(afterResult.prepSheetsReused).toBe(afterResult.prepSheets - 1);
    const v2 = await newestVersions();
    expect(moved(v1, v2)).toEqual([visit!.appointmentId]);
    expect(v2.get(visit!.appointmentId)).toBe(2);
    const newest = (await handle.db.select().from(prepSheets).where(and(eq(prepSheets.appointmentId, visit!.appointmentId), eq(prepSheets.version, 2))))[0]!;
    const { sheet } = await loadPrepSheet(handle.db, { organizationId: clinic, prepSheetId: newest.id });
    expect(sheet.labs.some((l) => JSON.stringify(l).includes("6.4"))).toBe(true);

    // A clinician dismisses the record behind a completed screening: that patient's sheet is rebuilt.
    let reviewed: string | null = null;
    for (const appointmentId of [...v2.keys()].sort()) {
      const [row] = await handle.db.select({ patientId: prepSheets.patientId }).from(prepSheets).where(eq(prepSheets.appointmentId, appointmentId as Id<"appointment">)).limit(1);
      await screenPatient(handle.db, { organizationId: clinic, patientId: row!.patientId, asOf: today, timeZone: "America/New_York" });
      const done = (await listScreeningResults(handle.db, clinic, row!.patientId)).find((r) => r.status === "complete" && r.evidenceIds.some((e) => e.startsWith("completion:")));
      if (!done) continue;
      await recordScreeningReview(handle.db, { organizationId: clinic, actorUserId: reviewerId, patientId: row!.patientId, screeningTypeKey: done.screeningTypeKey, evidenceId: done.evidenceIds.find((e) => e.startsWith("completion:"))!, decision: "dismissed" });
      reviewed = appointmentId;
      break;
    }
    expect(reviewed, "a seeded patient of this provider has a completed screening").not.toBeNull();
    const afterReview = await runDay();
    expect(afterReview.prepSheetsReused).toBe(afterReview.prepSheets - 1);
    const v3 = await newestVersions();
    expect(moved(v2, v3)).toEqual([reviewed]);

    // A clinic setting every sheet shows: all are built again.
    await handle.db.update(organizations).set({ settings: { prepSheet: { notesLines: 2 } } }).where(eq(organizations.id, clinic));
    const afterSetting = await runDay();
    expect(afterSetting.prepSheetsReused).toBe(0);
    const v4 = await newestVersions();
    expect(moved(v3, v4)).toEqual([...v3.keys()].sort());

    // And settled again: the next run keeps them all.
    const settled = await runDay();
    expect(settled.prepSheetsReused).toBe(settled.prepSheets);
    expect(await newestVersions()).toEqual(v4);
  });
});
