import { actAs } from "./fixtures/mock-signed-in-session";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findAccount } from "@/db/queries/accounts";
import { findOrganizationById } from "@/db/queries/organizations";
import { listScreeningResults } from "@/db/queries/screenings";
import { auditEvents, memberships, patients, prepSheets, users } from "@/db/schema";
import { runClinicDay } from "@/lib/clinic-day/run-clinic-day";
import { localDate } from "@/lib/dates/local-date";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { readClinicSettings } from "@/lib/organizations/clinic-settings-store";
import { updateClinicSettings } from "@/lib/organizations/update-clinic-settings";
import { generatePrepSheet } from "@/lib/prep-sheet-data/generate-prep-sheet";
import { loadPrepSheet } from "@/lib/prep-sheet-data/load-prep-sheet";
import { uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { applyPreset } from "@/lib/screening-data/apply-preset";
import { screenPatient } from "@/lib/screening-data/screen-patient";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { writePrepSheetToEhr } from "@/lib/writeback/write-prep-sheet-to-ehr";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { startEpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { openSeededDemo, type SeededDemo } from "./fixtures/open-seeded-demo";
import { createSandboxClinic } from "./prep-sheet-test-helpers";
import { createCountingOcr, readTypes, sandboxClient, signInToSandbox } from "./sync-test-helpers";

const actions = await import("@/app/o/[orgSlug]/settings/actions");

let handle: SeededDemo["handle"];
const ids: Record<string, string> = {};

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  data.set("orgSlug", "riverside");
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
}
const signInAs = (email: string) => actAs({ userId: ids[email]!, name: email, email });
const riversideSettings = async () => (await findOrganizationById(handle.db, ids.riverside!))!.settings;
const settingsAudits = async () =>
  handle.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, ids.riverside!), eq(auditEvents.action, "settings.updated"))).orderBy(desc(auditEvents.id));

const windowFields = {
  "windows.labs.kind": "since_last_visit", "windows.labs.fallbackMonths": "7",
  "windows.imaging.kind": "months", "windows.imaging.months": "24",
  "windows.consults.kind": "months", "windows.consults.months": "12",
  "windows.hospital.kind": "months", "windows.hospital.months": "6",
  "windows.immunizations.kind": "months", "windows.immunizations.months": "60",
};

beforeAll(async () => {
  const demo = await openSeededDemo("settings-password-1");
  handle = demo.handle;
  Object.assign(ids, demo.userIds, demo.orgIds);
}, 180_000);
afterAll(async () => handle?.close());

describe("clinic settings through the settings actions", () => {
  it("saves each section and reads it back, auditing the changed field names only", async () => {
    signInAs("riverside.admin@healthprep.test");
    const prep = await actions.savePrepSheetSettingsAction(null, form({
      ...windowFields, showMrn: "on", checklist: "Check feet\n\n  Review inhaler technique  ", notesLines: "3", maxEvidencePerScreening: "5",
    }));
    expect(prep).toMatchObject({ ok: true });
    const timing = await actions.saveScreeningTimingAction(null, form({ dueSoonDays: "45", overdueAfterDays: "120", minDocumentConfidence: "0.9" }));
    expect(timing).toMatchObject({ ok: true, data: { changed: ["dueSoonDays", "minDocumentConfidence", "overdueAfterDays"] } });
    const writeBack = await actions.saveWriteBackSettingsAction(null, form({
      dryRun: "on", dailyCap: "3", docStatus: "final", "noteType.mode": "custom", "noteType.code": "34117-2", "noteType.system": "http://loinc.org", "noteType.display": "",
    }));
    expect(writeBack).toMatchObject({ ok: true });
    const sessions = await actions.saveSessionSettingsAction(null, form({ sessionIdleMinutes: "15", sessionAbsoluteHours: "8" }));
    expect(sessions).toMatchObject({ ok: true, data: { changed: ["sessionAbsoluteHours", "sessionIdleMinutes"] } });

    const stored = await riversideSettings();
    // Sessions stay where lib/auth/session-policy reads them.
    expect(stored).toMatchObject({ sessionIdleMinutes: 15, sessionAbsoluteHours: 8 });
    const read = readClinicSettings(stored);
    expect(read.prepSheet).toMatchObject({
      showMrn: true, checklist: ["Check feet", "Review inhaler technique"], notesLines: 3, maxEvidencePerScreening: 5,
      windows: { labs: { kind: "since_last_visit", fallbackMonths: 7 }, imaging: { kind: "months", months: 24 }, immunizations: { kind: "months", months: 60 } },
    });
    expect(read.screening).toMatchObject({ dueSoonDays: 45, overdueAfterDays: 120, minDocumentConfidence: 0.9 });
    expect(read.writeBack).toEqual({ dryRun: true, dailyCap: 3, docStatus: "final", noteType: { system: "http://loinc.org", code: "34117-2", display: null } });

    const audits = await settingsAudits();
    expect(audits.map((a) => a.metadata.section).sort()).toEqual(["prepSheet", "screening", "sessions", "writeBack"]);
    const prepAudit = audits.find((a) => a.metadata.section === "prepSheet")!;
    expect(prepAudit).toMatchObject({ actorUserId: ids["riverside.admin@healthprep.test"], targetIds: [ids.riverside] });
    expect(prepAudit.metadata.changed).toEqual(expect.arrayContaining(["checklist", "showMrn", "windows.labs", "windows.imaging"]));
    expect(JSON.stringify(audits)).not.toMatch(/Check feet|inhaler|34117/);

    // Saving the same values again writes nothing and audits nothing.
    await expect(actions.saveSessionSettingsAction(null, form({ sessionIdleMinutes: "15", sessionAbsoluteHours: "8" }))).resolves.toMatchObject({ ok: true, data: { changed: [] } });
    expect(await settingsAudits()).toHaveLength(4);
  });

  it("refuses bad input with field errors and saves nothing", async () => {
    signInAs("riverside.admin@healthprep.test");
    const before = await riversideSettings();
    const audits = (await settingsAudits()).length;
    const cases: Array<[Promise<{ ok: boolean; error?: { issues?: Array<{ path: string; message: string }> } }>, string, RegExp]> = [
      [actions.saveSessionSettingsAction(null, form({ sessionIdleMinutes: "2", sessionAbsoluteHours: "8" })), "sessionIdleMinutes", /at least 5/],
      [actions.saveSessionSettingsAction(null, form({ sessionIdleMinutes: "30", sessionAbsoluteHours: "24" })), "sessionAbsoluteHours", /at most 12/],
      [actions.saveScreeningTimingAction(null, form({ dueSoonDays: "", overdueAfterDays: "90", minDocumentConfidence: "0.8" })), "dueSoonDays", /^must be a number$/],
      [actions.saveScreeningTimingAction(null, form({ dueSoonDays: "30", overdueAfterDays: "90", minDocumentConfidence: "1.5" })), "minDocumentConfidence", /at most 1/],
      [actions.savePrepSheetSettingsAction(null, form({ ...windowFields, "windows.imaging.months": "0", notesLines: "8", maxEvidencePerScreening: "3" })), "windows.imaging.months", /at least 1/],
      [actions.savePrepSheetSettingsAction(null, form({ ...windowFields, notesLines: "2.5", maxEvidencePerScreening: "3" })), "notesLines", /whole number/],
      [actions.saveWriteBackSettingsAction(null, form({ dailyCap: "500", docStatus: "final" })), "dailyCap", /at most 100/],
      [actions.saveWriteBackSettingsAction(null, form({ dailyCap: "5", docStatus: "final", "noteType.mode": "custom", "noteType.code": "", "noteType.system": "http://loinc.org" })), "noteType.code", /^is required$/],
    ];
    for (const [pending, path, message] of cases) {
      const result = await pending;
      expect(result.ok, path).toBe(false);
      const issue = result.error?.issues?.find((i) => i.path === path);
      expect(issue?.message, path).toMatch(message);
    }
    expect(await riversideSettings()).toEqual(before);
    expect(await settingsAudits()).toHaveLength(audits);
  });

  it("lets staff read but not change settings", async () => {
    signInAs("riverside.staff@healthprep.test");
    const result = await actions.saveSessionSettingsAction(null, form({ sessionIdleMinutes: "60", sessionAbsoluteHours: "8" }));
    expect(result).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await riversideSettings()).toMatchObject({ sessionIdleMinutes: 15 });
  });
});

describe("inviting a member", () => {
  it("creates a passwordless user with the chosen role, links their Epic identity, and audits it", async () => {
    signInAs("riverside.admin@healthprep.test");
    const epicUser = "http://127.0.0.1:9/api/FHIR/R4/Practitioner/eInvited1";
    const result = await actions.inviteMemberAction(null, form({ email: "New.Nurse@Example.test", name: "Nia Nurse", role: "staff", epicUser }));
    expect(result).toMatchObject({ ok: true, data: { createdUser: true, epicLinked: true } });
    if (!result.ok) return;
    const [user] = await handle.db.select().from(users).where(eq(users.id, result.data.userId));
    expect(user).toMatchObject({ email: "new.nurse@example.test", name: "Nia Nurse", passwordHash: null });
    const [membership] = await handle.db.select().from(memberships).where(eq(memberships.id, result.data.membershipId));
    expect(membership).toMatchObject({ organizationId: ids.riverside, userId: user!.id, role: "staff" });
    // The lookup Epic sign-in makes (lib/smart/complete-epic-sign-in.ts) now finds this user.
    expect(await findAccount(handle.db, `epic:${ids.riverside}`, epicUser)).toMatchObject({ userId: user!.id });
    const [audit] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, "member.added"), eq(auditEvents.organizationId, ids.riverside!)));
    expect(audit).toMatchObject({ targetIds: [result.data.membershipId], metadata: { role: "staff", createdUser: true, epicLinked: true } });
    expect(JSON.stringify(audit)).not.toContain("nurse");
  });

  it("adds an existing account from another clinic without touching its sign-in", async () => {
    signInAs("riverside.admin@healthprep.test");
    const result = await actions.inviteMemberAction(null, form({ email: "lakeside.admin@healthprep.test", name: "ignored", role: "provider" }));
    expect(result).toMatchObject({ ok: true, data: { createdUser: false, epicLinked: false, userId: ids["lakeside.admin@healthprep.test"] } });
    const [user] = await handle.db.select().from(users).where(eq(users.id, ids["lakeside.admin@healthprep.test"]!));
    expect(user!.passwordHash).not.toBeNull();
  });

  it("refuses an existing member, a relative Epic user without a connection, bad input, and staff", async () => {
    signInAs("riverside.admin@healthprep.test");
    const count = async () => (await handle.db.select().from(memberships).where(eq(memberships.organizationId, ids.riverside! as Id<"organization">))).length;
    const before = await count();
    await expect(actions.inviteMemberAction(null, form({ email: "riverside.staff@healthprep.test", name: "Sam", role: "staff" }))).resolves.toMatchObject({
      ok: false, error: { code: "conflict", message: "riverside.staff@healthprep.test is already a member of this clinic." },
    });
    await expect(actions.inviteMemberAction(null, form({ email: "other@example.test", name: "Olive", role: "staff", epicUser: "Practitioner/abc" }))).resolves.toMatchObject({
      ok: false, error: { message: "Connect Epic first, or enter the full fhirUser URL." },
    });
    const bad = await actions.inviteMemberAction(null, form({ email: "not-an-email", name: "", role: "owner" }));
    expect(bad.ok).toBe(false);
    expect((bad as { error: { issues: Array<{ path: string }> } }).error.issues.map((i) => i.path).sort()).toEqual(["email", "name", "role"]);
    signInAs("riverside.staff@healthprep.test");
    await expect(actions.inviteMemberAction(null, form({ email: "x@example.test", name: "X", role: "org_admin" }))).resolves.toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await count()).toBe(before);
    expect(await handle.db.select().from(users).where(eq(users.email, "other@example.test"))).toEqual([]);
  });
});

describe("saved settings take effect", () => {
  let sandbox: EpicSandbox;
  let client: FhirClient;
  let clinic: Id<"organization">;
  const today = localDate("America/New_York", new Date());
  const ocr = createCountingOcr();
  const ctx = (): SyncJobContext => ({ db: handle.db, getFhirClient: async () => ({ client, fhirBaseUrl: sandbox.fhirBase }), getOcr: async () => ocr, now: () => new Date() });
  const save = (section: "prepSheet" | "screening" | "writeBack", values: Record<string, unknown>) =>
    updateClinicSettings(handle.db, { organizationId: clinic, actorUserId: ids["riverside.admin@healthprep.test"]!, section, values }, {});

  beforeAll(async () => {
    sandbox = await startEpicSandbox();
    const session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/Practitioner.read", "user/DocumentReference.write"]);
    client = sandboxClient(sandbox, session);
    clinic = await createSandboxClinic(handle.db, sandbox, "settings-effect");
    await runClinicDay(ctx(), { orgSlug: "settings-effect", date: today });
  }, 300_000);
  afterAll(async () => sandbox?.close());

  it("a saved prep-sheet window, checklist and notes lines change the next generated sheet", async () => {
    const [first] = await handle.db.select().from(prepSheets).where(eq(prepSheets.organizationId, clinic)).orderBy(prepSheets.appointmentId, prepSheets.version);
    const before = (await loadPrepSheet(handle.db, { organizationId: clinic, prepSheetId: first!.id })).sheet;
    expect(before.windows.find((w) => w.category === "labs")).toMatchObject({ kind: "months", months: 12 });
    await save("prepSheet", { windows: { ...readClinicSettings({}).prepSheet.windows, labs: { kind: "since_last_visit", fallbackMonths: 7 } }, checklist: ["Check feet"], notesLines: 2 });
    const next = await generatePrepSheet(handle.db, { organizationId: clinic, appointmentId: first!.appointmentId, asOf: today, generatedAt: new Date().toISOString(), client });
    expect(next).toMatchObject({ created: true, version: first!.version + 1 });
    const after = (await loadPrepSheet(handle.db, { organizationId: clinic, prepSheetId: next.prepSheetId })).sheet;
    expect(after.windows.find((w) => w.category === "labs")).toMatchObject({ kind: "since_last_visit" });
    expect(after.checklist).toEqual(["Check feet"]);
    expect(after.notesLines).toBe(2);
  });

  it("saved screening timing changes stored screening results", async () => {
    await applyPreset(handle.db, { organizationId: clinic, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
    const rows = await handle.db.select({ id: patients.id }).from(patients).where(eq(patients.organizationId, clinic));
    const overdueCount = async () => {
      let overdue = 0;
      for (const { id } of rows) {
        await screenPatient(handle.db, { organizationId: clinic, patientId: id, asOf: today, timeZone: "America/New_York" });
        overdue += (await listScreeningResults(handle.db, clinic, id)).filter((r) => r.selection !== "superseded" && r.status === "overdue").length;
      }
      return overdue;
    };
    await save("screening", { overdueAfterDays: 3650 });
    const lenient = await overdueCount();
    await save("screening", { overdueAfterDays: 0 });
    const strict = await overdueCount();
    console.info(`screening timing: ${lenient} overdue at 3650 days, ${strict} at 0 days, over ${rows.length} patients`);
    expect(strict).toBeGreaterThan(lenient);
  });

  it("write-back dry run sends nothing to Epic", async () => {
    const [sheet] = await handle.db.select().from(prepSheets).where(eq(prepSheets.organizationId, clinic)).orderBy(desc(prepSheets.version));
    await save("writeBack", { dryRun: true });
    const sentBefore = sandbox.stats().documentReferencesCreated.length;
    const result = await writePrepSheetToEhr(handle.db, client, { organizationId: clinic, prepSheetId: sheet!.id });
    expect(result).toMatchObject({ outcome: "skipped", reason: "dry_run" });
    expect(sandbox.stats().documentReferencesCreated).toHaveLength(sentBefore);
    await save("writeBack", { dryRun: false });
    await expect(writePrepSheetToEhr(handle.db, client, { organizationId: clinic, prepSheetId: sheet!.id })).resolves.toMatchObject({ outcome: "confirmed" });
    expect(sandbox.stats().documentReferencesCreated).toHaveLength(sentBefore + 1);
  });
});
