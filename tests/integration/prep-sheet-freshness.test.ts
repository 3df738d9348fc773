import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPrepSheet, listWriteBacksForPrepSheet } from "@/db/queries/prep-sheets";
import { listScreeningResults } from "@/db/queries/screenings";
import { upsertEhrConnection, upsertEhrToken } from "@/db/queries/ehr-connections";
import { insertUser } from "@/db/queries/users";
import { getCipher } from "@/lib/crypto";
import { clientSecretAad } from "@/lib/smart/load-epic-endpoints";
import { tokenAad } from "@/lib/smart/token-aad";
import { confidentialClientId, confidentialClientSecret } from "../epic-sandbox/sandbox-clients";
import { auditEvents, organizations, prepSheets } from "@/db/schema";
import { runClinicDay } from "@/lib/clinic-day/run-clinic-day";
import { localDate } from "@/lib/dates/local-date";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { createId, type Id } from "@/lib/ids";
import { checkPrepSheetFreshness } from "@/lib/prep-sheet-data/check-prep-sheet-freshness";
import { generatePrepSheet } from "@/lib/prep-sheet-data/generate-prep-sheet";
import { getPrepSheetView } from "@/lib/prep-sheet-data/get-prep-sheet-view";
import { loadPrepSheet } from "@/lib/prep-sheet-data/load-prep-sheet";
import { sendPrepSheetIfCurrent } from "@/lib/prep-sheet-data/send-prep-sheet-if-current";
import { uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { applyPreset } from "@/lib/screening-data/apply-preset";
import { recordScreeningReview } from "@/lib/screening-data/record-screening-review";
import { screenPatient } from "@/lib/screening-data/screen-patient";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { syncPatient } from "@/lib/sync/sync-patient";
import { prepSheetIdentifierSystem } from "@/lib/writeback";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createSandboxClinic } from "./prep-sheet-test-helpers";
import { createCountingOcr, readTypes, sandboxClient, signInToSandbox } from "./sync-test-helpers";

/**
 * Issue 18, stale sheets: a sheet knows when its inputs changed (data synced, a review decision,
 * settings) and says so; an old version knows a newer one exists; sending either to Epic needs a
 * regenerate first or an explicit confirmation, which is audited. Real sandbox over HTTP.
 */
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
let clinic: Id<"organization">;
let userId: string;
const today = localDate("America/New_York", new Date());
const ocr = createCountingOcr();
const ctx = (): SyncJobContext => ({ db: handle.db, getFhirClient: async () => ({ client, fhirBaseUrl: sandbox.fhirBase }), getOcr: async () => ocr, now: () => new Date() });
const createdFor = (prepSheetId: string) =>
  sandbox.stats().documentReferencesCreated.filter((d) => d.identifier.some((i) => i.system === prepSheetIdentifierSystem && i.value === prepSheetId));
const row = async (id: string) => (await findPrepSheet(handle.db, clinic, id))!;
const freshness = async (id: string) => checkPrepSheetFreshness(handle.db, { organizationId: clinic, row: await row(id) });
const send = (prepSheetId: string, confirmOutdated = false) =>
  sendPrepSheetIfCurrent(handle.db, { organizationId: clinic, userId, prepSheetId, confirmOutdated }, { ip: "127.0.0.1", userAgent: "vitest" });

type Pick = { sheet: typeof prepSheets.$inferSelect; result: Awaited<ReturnType<typeof listScreeningResults>>[number]; evidenceId: string };
let picked: Pick | undefined;

/** A version-1 sheet whose patient has a completed screening backed by a counted record (chosen once). */
async function pickSheet(): Promise<Pick> {
  picked ??= await findSheetToPick();
  return { ...picked, sheet: await row(picked.sheet.id) };
}

async function findSheetToPick(): Promise<Pick> {
  const rows = await handle.db.select().from(prepSheets).where(eq(prepSheets.organizationId, clinic)).orderBy(prepSheets.appointmentId);
  for (const candidate of rows) {
    await screenPatient(handle.db, { organizationId: clinic, patientId: candidate.patientId, asOf: today, timeZone: "America/New_York" });
    const result = (await listScreeningResults(handle.db, clinic, candidate.patientId)).find((r) => r.status === "complete" && r.evidenceIds.some((e) => e.startsWith("completion:")));
    if (result) return { sheet: candidate, result, evidenceId: result.evidenceIds.find((e) => e.startsWith("completion:"))! };
  }
  throw new Error("no seeded patient has a completed screening");
}

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startEpicSandbox();
  const session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/Practitioner.read", "user/DocumentReference.write"]);
  client = sandboxClient(sandbox, session);
  clinic = await createSandboxClinic(handle.db, sandbox, "fresh");
  userId = (await insertUser(handle.db, { id: createId("user"), name: "Reviewer", email: null })).id;
  // "Send to Epic" goes through the clinic's Epic connection with the clinician's own token.
  const cipher = getCipher();
  const connection = await upsertEhrConnection(handle.db, {
    id: createId("ehrConnection"), organizationId: clinic, fhirBaseUrl: sandbox.fhirBase, clientId: confidentialClientId, clientAuthMethod: "client_secret_basic",
    clientSecretEncrypted: cipher.encrypt(confidentialClientSecret, clientSecretAad(clinic)), scopes: "openid fhirUser user/DocumentReference.write",
  });
  await upsertEhrToken(handle.db, {
    id: createId("ehrToken"), organizationId: clinic, connectionId: connection.id, kind: "user", userId,
    accessTokenEncrypted: cipher.encrypt(session.accessToken, tokenAad({ organizationId: clinic, userId }, "access")), refreshTokenEncrypted: null,
    expiresAt: new Date(Date.now() + 3_600_000), scope: "user/DocumentReference.write", status: "active", statusReason: null,
  });
  await applyPreset(handle.db, { organizationId: clinic, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
  await runClinicDay(ctx(), { orgSlug: "fresh", date: today });
}, 180_000);
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

describe("prep sheet freshness", () => {
  it("a new sheet is current, and a full re-sync of unchanged data does not make it stale", async () => {
    const { sheet } = await pickSheet();
    expect(sheet.inputsFingerprint).toEqual({ data: expect.any(String), documents: expect.any(String), reviews: expect.any(String), settings: expect.any(String) });
    expect(await freshness(sheet.id)).toEqual({ supersededBy: null, changed: [], known: true });
    // Every record is written again with new ciphertext: the content, not the bytes, is compared.
    await syncPatient({ db: handle.db, organizationId: clinic, client, patientId: sheet.patientId, full: true });
    expect(await freshness(sheet.id)).toEqual({ supersededBy: null, changed: [], known: true });
  });

  it("a review decision makes the sheet stale; Send to Epic refuses it until confirmed, and the confirmation is audited", async () => {
    const { sheet, result, evidenceId } = await pickSheet();
    await recordScreeningReview(handle.db, { organizationId: clinic, actorUserId: userId, patientId: sheet.patientId, screeningTypeKey: result.screeningTypeKey, evidenceId, decision: "dismissed" });
    expect(await freshness(sheet.id)).toMatchObject({ supersededBy: null, changed: ["reviews"] });
    const view = await getPrepSheetView(handle.db, { organizationId: clinic, userId, prepSheetId: sheet.id }, {});
    expect(view.freshness.changed).toEqual(["reviews"]);

    const refused = await send(sheet.id);
    expect(refused).toEqual({ outcome: "outdated", reasons: ["A clinician recorded or undid a review decision after this sheet was made."], supersededBy: null });
    expect(createdFor(sheet.id)).toHaveLength(0);
    expect(await listWriteBacksForPrepSheet(handle.db, clinic, sheet.id)).toHaveLength(0);

    const sent = await send(sheet.id, true);
    expect(sent).toMatchObject({ outcome: "confirmed" });
    expect(createdFor(sheet.id)).toHaveLength(1);
    const audits = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, clinic), eq(auditEvents.action, "prep_sheet.outdated_send_confirmed")));
    expect(audits).toEqual([expect.objectContaining({ actorUserId: userId, targetIds: [sheet.id], metadata: { patientId: sheet.patientId, version: 1, newerVersion: null, changed: ["reviews"] } })]);
  });

  it("regenerating makes a new version; the old one says a newer version exists and still needs a confirmation to send", async () => {
    const { sheet, result } = await pickSheet();
    const next = await generatePrepSheet(handle.db, { organizationId: clinic, appointmentId: sheet.appointmentId, asOf: today, generatedAt: new Date().toISOString(), client });
    expect(next).toMatchObject({ version: 2, created: true });
    // The dismissed record no longer completes the screening on the new version.
    const { sheet: model } = await loadPrepSheet(handle.db, { organizationId: clinic, prepSheetId: next.prepSheetId });
    const before = (await loadPrepSheet(handle.db, { organizationId: clinic, prepSheetId: sheet.id })).sheet.screenings.find((s) => s.key === result.screeningTypeKey);
    expect(model.screenings.find((s) => s.key === result.screeningTypeKey)?.lastCompleted ?? null).not.toBe(before?.lastCompleted ?? "none");

    expect(await freshness(next.prepSheetId)).toEqual({ supersededBy: null, changed: [], known: true });
    expect(await freshness(sheet.id)).toEqual({ supersededBy: { id: next.prepSheetId, version: 2 }, changed: [], known: true });
    const refused = await send(sheet.id);
    expect(refused).toMatchObject({ outcome: "outdated", reasons: ["A newer version (version 2) of this sheet exists."], supersededBy: { version: 2 } });
    expect(await send(next.prepSheetId)).toMatchObject({ outcome: "confirmed" });
  });

  it("a settings change makes the newest sheet stale; a regeneration with the same content makes it current again", async () => {
    const { sheet } = await pickSheet();
    const [latest] = await handle.db.select().from(prepSheets).where(eq(prepSheets.appointmentId, sheet.appointmentId)).orderBy(prepSheets.version).then((rows) => rows.slice(-1));
    // An MRN system while MRNs stay hidden: the settings differ, the sheet would say the same.
    await handle.db.update(organizations).set({ settings: { prepSheet: { showMrn: false, mrnSystems: ["urn:oid:1.2.3.4.5"] } } }).where(eq(organizations.id, clinic));
    expect(await freshness(latest!.id)).toMatchObject({ changed: ["settings"] });
    expect(await send(latest!.id)).toMatchObject({ outcome: "outdated", reasons: ["Clinic settings or screening rules changed after this sheet was made."] });
    const again = await generatePrepSheet(handle.db, { organizationId: clinic, appointmentId: sheet.appointmentId, asOf: today, generatedAt: new Date().toISOString(), client });
    expect(again).toMatchObject({ prepSheetId: latest!.id, created: false });
    expect(await freshness(latest!.id)).toEqual({ supersededBy: null, changed: [], known: true });
  });

  it("a sheet stored before fingerprints existed is never called stale on a guess", async () => {
    const { sheet } = await pickSheet();
    await handle.db.update(prepSheets).set({ inputsFingerprint: null }).where(eq(prepSheets.id, sheet.id));
    expect((await freshness(sheet.id)).known).toBe(false);
    expect((await freshness(sheet.id)).changed).toEqual([]);
  });
});
