import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { listPatientDocuments } from "@/db/queries/documents";
import { upsertPatientLink } from "@/db/queries/patients";
import { listScreeningResults, listScreeningTypes } from "@/db/queries/screenings";
import { auditEvents, screeningResults, users } from "@/db/schema";
import { localDate } from "@/lib/dates/local-date";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { evidenceIdOf, screeningPresetSchema, uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { applyPreset, previewPreset } from "@/lib/screening-data/apply-preset";
import { exportScreeningTypes, importScreeningTypes, previewScreeningTypesImport } from "@/lib/screening-data/import-export-screening-types";
import { listReviewDecisions } from "@/lib/patients/list-review-decisions";
import { undoPatientEvidenceReview } from "@/lib/patients/undo-patient-evidence-review";
import { listPatientScreenings } from "@/lib/screening-data/list-patient-screenings";
import { recordScreeningReview } from "@/lib/screening-data/record-screening-review";
import { screenPatient } from "@/lib/screening-data/screen-patient";
import { processDocument } from "@/lib/sync/process-document";
import { syncPatient } from "@/lib/sync/sync-patient";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createClinic, createCountingOcr, startSandboxWithClient } from "./sync-test-helpers";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
let riverside: Id<"organization">;
let lakeside: Id<"organization">;
const timeZone = "America/New_York";
const asOf = localDate(timeZone, new Date());
const warren = seedPatients.find((p) => p.given === "Warren")!;
const presetTypes = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;
const ocr = createCountingOcr();

beforeAll(async () => {
  handle = await createTestDatabase();
  ({ sandbox, client } = await startSandboxWithClient());
  riverside = await createClinic(handle.db, "riverside-screening", timeZone);
  lakeside = await createClinic(handle.db, "lakeside-screening", "America/Chicago");
  await handle.db.insert(users).values([
    { id: "usr_clinician", email: "clinician@screening.test", name: "Test Clinician" },
    { id: "usr_other", email: "other@screening.test", name: "Other Clinician" },
  ]);
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

async function syncAndRead(organizationId: Id<"organization">, ehrPatientId: string): Promise<Id<"patient">> {
  const patientId = await upsertPatientLink(handle.db, organizationId, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId });
  // The sandbox loaded its data moments ago: a clock 10 minutes ahead puts the cursor past it.
  await syncPatient({ db: handle.db, organizationId, client, patientId, actorUserId: null, now: () => new Date(Date.now() + 600_000) });
  for (const doc of await listPatientDocuments(handle.db, organizationId, patientId)) {
    await processDocument({ db: handle.db, organizationId, client, documentId: doc.id, ocr, asOf });
  }
  return patientId;
}

const auditRows = (organizationId: string, action: string) =>
  handle.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, organizationId), eq(auditEvents.action, action)));

describe("presets: preview, apply, idempotence", () => {
  it("previews every type as new, applies them, and a second run changes nothing", async () => {
    const preview = await previewPreset(handle.db, { organizationId: riverside, preset: uspstfAdultPrimaryCarePreset });
    expect(preview).toHaveLength(presetTypes.length);
    expect(preview.every((item) => item.change === "new" && item.currentVersion === null)).toBe(true);

    const first = await applyPreset(handle.db, { organizationId: riverside, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
    expect(first.added).toHaveLength(presetTypes.length);
    const again = await applyPreset(handle.db, { organizationId: riverside, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
    expect(again).toEqual({ added: [], overwritten: [], skipped: [], unchanged: presetTypes.map((t) => t.key) });
    const rows = await listScreeningTypes(handle.db, riverside);
    expect(rows.every((r) => r.active && r.presetKey === "uspstf-adult-primary-care" && r.version === 1)).toBe(true);
    expect(await auditRows(riverside, "screening_types.applied")).toHaveLength(2);
  });

  it("a changed type is skipped unless the clinic chooses overwrite; overwrite bumps the version", async () => {
    const changed = { ...uspstfAdultPrimaryCarePreset, version: 2, types: presetTypes.map((t) => (t.key === "lipid-panel" ? { ...t, name: "Lipid screening (every 5 years)", frequency: { kind: "interval" as const, value: 5, unit: "years" as const } } : t)) };
    const preview = await previewPreset(handle.db, { organizationId: riverside, preset: changed });
    expect(preview.filter((p) => p.change === "changed").map((p) => p.key)).toEqual(["lipid-panel"]);
    expect(await applyPreset(handle.db, { organizationId: riverside, actorUserId: null, preset: changed })).toMatchObject({ skipped: ["lipid-panel"] });
    expect(await applyPreset(handle.db, { organizationId: riverside, actorUserId: null, preset: changed, choices: { "lipid-panel": "overwrite" } }))
      .toMatchObject({ overwritten: ["lipid-panel"], added: [] });
    const lipid = (await listScreeningTypes(handle.db, riverside)).find((r) => r.key === "lipid-panel")!;
    expect(lipid).toMatchObject({ version: 2, name: "Lipid screening (every 5 years)", presetVersion: 2 });
    expect(lipid.definition).toMatchObject({ version: 2, frequency: { value: 5 } });
  });
});

describe("screenPatient against the sandbox: sync → screen → stored results", () => {
  let patientId: Id<"patient">;

  it("stores one result per active type with status, dates, reasons and evidence ids", async () => {
    patientId = await syncAndRead(riverside, warren.id);
    const outcome = await screenPatient(handle.db, { organizationId: riverside, patientId, asOf, timeZone });
    expect(outcome).toMatchObject({ outcome: "screened", types: presetTypes.length, written: presetTypes.length, unchanged: 0, removed: 0 });
    expect(JSON.stringify(outcome)).not.toContain(warren.birthDate);

    const results = await listPatientScreenings(handle.db, { organizationId: riverside, patientId });
    expect(results).toHaveLength(presetTypes.length);
    expect(results.every((r) => r.reasons.length > 0 && r.asOf === asOf && r.inputHash.length === 64)).toBe(true);
    const colonoscopy = results.find((r) => r.screeningTypeKey === "colorectal-colonoscopy")!;
    expect(colonoscopy).toMatchObject({ status: "complete", selection: "primary" });
    expect(colonoscopy.evidenceIds.some((id) => id.startsWith("completion:document:doc_"))).toBe(true);
    expect(colonoscopy.evidenceIds.some((id) => id.startsWith("completion:procedure:"))).toBe(true);
    // Female-only types: a male patient is not eligible, and says why.
    expect(results.find((r) => r.screeningTypeKey === "breast-mammography")).toMatchObject({ status: "not_eligible" });
    // Reasons and evidence are encrypted at rest; the clear columns hold no text.
    const [raw] = await handle.db.select().from(screeningResults).where(eq(screeningResults.id, colonoscopy.id));
    expect(raw!.detailsEncrypted).toMatch(/^hp1\./);
    expect(raw!.detailsEncrypted).not.toContain("olonoscopy");
  });

  it("leaves results alone when nothing changed", async () => {
    const outcome = await screenPatient(handle.db, { organizationId: riverside, patientId, asOf, timeZone });
    expect(outcome).toMatchObject({ written: 0, unchanged: presetTypes.length });
  });

  it("a clinician's dismissal of a false match is audited and changes the next evaluation", async () => {
    const before = (await listPatientScreenings(handle.db, { organizationId: riverside, patientId })).find((r) => r.screeningTypeKey === "colorectal-colonoscopy")!;
    const counted = before.evidence.filter((e) => e.use === "counted" && e.role === "completion");
    const latest = counted.find((e) => e.date === before.lastCompleted)!;
    expect(counted.length).toBeGreaterThan(1);

    await recordScreeningReview(handle.db, {
      organizationId: riverside, actorUserId: "usr_clinician", patientId, screeningTypeKey: "colorectal-colonoscopy", evidenceId: evidenceIdOf(latest), decision: "dismissed",
    });
    const outcome = await screenPatient(handle.db, { organizationId: riverside, patientId, asOf, timeZone });
    expect(outcome.written).toBeGreaterThanOrEqual(1);
    const after = (await listPatientScreenings(handle.db, { organizationId: riverside, patientId })).find((r) => r.screeningTypeKey === "colorectal-colonoscopy")!;
    expect(after.lastCompleted).not.toBe(before.lastCompleted);
    expect(after.lastCompleted! < before.lastCompleted!).toBe(true);
    expect(after.evidence.find((e) => evidenceIdOf(e) === evidenceIdOf(latest))).toMatchObject({ use: "ignored", note: expect.stringContaining("dismissed") });

    const [audit] = await auditRows(riverside, "screening_review.recorded");
    expect(audit).toMatchObject({ actorUserId: "usr_clinician", targetIds: [patientId] });
    expect(audit!.metadata).toMatchObject({ screeningTypeKey: "colorectal-colonoscopy", decision: "dismissed", role: "completion" });
    expect(JSON.stringify(audit)).not.toContain(warren.id);
  });

  it("shows who dismissed and when, and undo brings the item back (audited); dismissing again restores the state", async () => {
    const key = "colorectal-colonoscopy";
    const decisions = await listReviewDecisions(handle.db, { organizationId: riverside, patientId });
    expect(decisions.size).toBe(1);
    const [decisionKey, decided] = [...decisions.entries()][0]!;
    expect(decided).toMatchObject({ decision: "dismissed", decidedBy: "Test Clinician" });
    expect(decided.decidedAt).toBeInstanceOf(Date);
    const evidenceId = decisionKey.split("\n")[1]!;
    const dismissed = (await listPatientScreenings(handle.db, { organizationId: riverside, patientId })).find((r) => r.screeningTypeKey === key)!;

    await undoPatientEvidenceReview(handle.db, { organizationId: riverside, actorUserId: "usr_other", patientId, screeningTypeKey: key, evidenceId, timeZone }, {});
    expect((await listReviewDecisions(handle.db, { organizationId: riverside, patientId })).size).toBe(0);
    const restored = (await listPatientScreenings(handle.db, { organizationId: riverside, patientId })).find((r) => r.screeningTypeKey === key)!;
    expect(restored.evidence.find((e) => evidenceIdOf(e) === evidenceId)).toMatchObject({ use: "counted" });
    expect(restored.lastCompleted! > dismissed.lastCompleted!).toBe(true);
    const [undone] = await auditRows(riverside, "screening_review.undone");
    expect(undone).toMatchObject({ actorUserId: "usr_other", targetIds: [patientId], metadata: { screeningTypeKey: key, decision: "dismissed", decidedBy: "usr_clinician" } });
    // Nothing left to undo; another clinic cannot undo here.
    await expect(undoPatientEvidenceReview(handle.db, { organizationId: riverside, actorUserId: "usr_other", patientId, screeningTypeKey: key, evidenceId, timeZone }, {})).rejects.toMatchObject({ code: "not_found" });
    await expect(undoPatientEvidenceReview(handle.db, { organizationId: lakeside, actorUserId: "usr_other", patientId, screeningTypeKey: key, evidenceId, timeZone }, {})).rejects.toMatchObject({ code: "not_found" });

    await recordScreeningReview(handle.db, { organizationId: riverside, actorUserId: "usr_clinician", patientId, screeningTypeKey: key, evidenceId, decision: "dismissed" });
    await screenPatient(handle.db, { organizationId: riverside, patientId, asOf, timeZone });
    expect((await listPatientScreenings(handle.db, { organizationId: riverside, patientId })).find((r) => r.screeningTypeKey === key)!.lastCompleted).toBe(dismissed.lastCompleted);
  });

  it("refuses a decision about evidence the result does not hold, or confirming a counted item", async () => {
    const review = { organizationId: riverside, actorUserId: "usr_clinician", patientId, screeningTypeKey: "colorectal-colonoscopy" };
    await expect(recordScreeningReview(handle.db, { ...review, evidenceId: "completion:procedure:nope", decision: "dismissed" })).rejects.toMatchObject({ code: "not_found" });
    const result = (await listPatientScreenings(handle.db, { organizationId: riverside, patientId })).find((r) => r.screeningTypeKey === "colorectal-colonoscopy")!;
    const counted = result.evidence.find((e) => e.use === "counted")!;
    await expect(recordScreeningReview(handle.db, { ...review, evidenceId: evidenceIdOf(counted), decision: "confirmed" })).rejects.toMatchObject({ code: "conflict" });
  });

  it("a deactivated type's result is removed on the next evaluation", async () => {
    const { updateScreeningType } = await import("@/db/queries/screenings");
    const hiv = (await listScreeningTypes(handle.db, riverside)).find((r) => r.key === "hiv-screening")!;
    await updateScreeningType(handle.db, riverside, hiv.id, { active: false });
    const outcome = await screenPatient(handle.db, { organizationId: riverside, patientId, asOf, timeZone });
    expect(outcome).toMatchObject({ removed: 1, types: presetTypes.length - 1 });
    await updateScreeningType(handle.db, riverside, hiv.id, { active: true });
  });

  it("keeps clinics apart: another clinic sees none of it and cannot act on it", async () => {
    await applyPreset(handle.db, { organizationId: lakeside, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
    expect(await listScreeningResults(handle.db, lakeside, patientId)).toEqual([]);
    await expect(screenPatient(handle.db, { organizationId: lakeside, patientId, asOf, timeZone: "America/Chicago" })).rejects.toMatchObject({ code: "not_found" });
    await expect(listPatientScreenings(handle.db, { organizationId: lakeside, patientId })).resolves.toEqual([]);
    await expect(recordScreeningReview(handle.db, {
      organizationId: lakeside, actorUserId: "usr_other", patientId, screeningTypeKey: "colorectal-colonoscopy", evidenceId: "completion:procedure:x", decision: "dismissed",
    })).rejects.toMatchObject({ code: "not_found" });

    // The same Epic patient in the other clinic is its own link with its own results, and the
    // first clinic's dismissal does not apply there.
    const other = await syncAndRead(lakeside, warren.id);
    expect(other).not.toBe(patientId);
    await screenPatient(handle.db, { organizationId: lakeside, patientId: other, asOf, timeZone: "America/Chicago" });
    const mine = (await listPatientScreenings(handle.db, { organizationId: riverside, patientId })).find((r) => r.screeningTypeKey === "colorectal-colonoscopy")!;
    const theirs = (await listPatientScreenings(handle.db, { organizationId: lakeside, patientId: other })).find((r) => r.screeningTypeKey === "colorectal-colonoscopy")!;
    expect(theirs.lastCompleted! > mine.lastCompleted!).toBe(true);
    expect(theirs.evidence.some((e) => e.note?.includes("dismissed"))).toBe(false);
    // A result row from one clinic never decrypts as another's: the aad names clinic and row.
    const [row] = await handle.db.select().from(screeningResults).where(eq(screeningResults.id, mine.id));
    const { getCipher } = await import("@/lib/crypto");
    expect(() => getCipher().decrypt(row!.detailsEncrypted, `screening_results.details:${lakeside}:${mine.id}`)).toThrow();
  });
});

describe("import and export", () => {
  it("exports a clinic's types and imports them elsewhere with preview and per-type choices", async () => {
    const exported = await exportScreeningTypes(handle.db, { organizationId: riverside, actorUserId: "usr_admin" });
    expect(exported.types).toHaveLength(presetTypes.length);
    const json = JSON.parse(JSON.stringify(exported));
    const preview = await previewScreeningTypesImport(handle.db, { organizationId: lakeside, json });
    expect(preview.filter((p) => p.change === "changed").map((p) => p.key)).toEqual(["lipid-panel"]);
    expect(preview.filter((p) => p.change === "identical")).toHaveLength(presetTypes.length - 1);

    expect(await importScreeningTypes(handle.db, { organizationId: lakeside, actorUserId: "usr_admin", json, choices: { "lipid-panel": "overwrite" } }))
      .toMatchObject({ overwritten: ["lipid-panel"], added: [], skipped: [] });
    expect((await listScreeningTypes(handle.db, lakeside)).find((r) => r.key === "lipid-panel")).toMatchObject({ version: 2, presetKey: null });
    expect(await auditRows(lakeside, "screening_types.imported")).toHaveLength(1);
    expect(await auditRows(riverside, "screening_types.exported")).toHaveLength(1);
  });

  it("rejects a file that is neither an export nor a preset, naming the problem", async () => {
    const bad = { format: "healthprep.screening-types", formatVersion: 1, types: [{ definition: { key: "Bad Key", version: 1, name: "x", frequency: { kind: "once" } } }] };
    await expect(importScreeningTypes(handle.db, { organizationId: lakeside, actorUserId: "usr_admin", json: bad })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(importScreeningTypes(handle.db, { organizationId: lakeside, actorUserId: "usr_admin", json: [1, 2] })).rejects.toMatchObject({ code: "invalid_input" });
  });
});

describe("demo seed", () => {
  it("applies the USPSTF preset to both demo clinics, once", async () => {
    const { seedDemo, demoOrganizations } = await import("@/lib/demo/seed-demo");
    const { organizations } = await import("@/db/schema");
    await seedDemo(handle.db, "Seed-password-for-tests-1!");
    const second = await seedDemo(handle.db, "Seed-password-for-tests-1!");
    expect(second.created).toBe(0);
    for (const org of demoOrganizations) {
      const [row] = await handle.db.select().from(organizations).where(eq(organizations.slug, org.slug));
      expect(await listScreeningTypes(handle.db, row!.id)).toHaveLength(presetTypes.length);
      expect(await auditRows(row!.id, "screening_types.applied")).toHaveLength(1);
    }
  });
});
