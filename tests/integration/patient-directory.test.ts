import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { upsertPatientLink } from "@/db/queries/patients";
import { appointments, auditEvents, screeningResults, screeningTypes } from "@/db/schema";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { createId, type Id } from "@/lib/ids";
import { listPatientDirectory, patientDirectoryPageSize } from "@/lib/patients/list-patient-directory";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createClinic, startSandboxWithClient } from "./sync-test-helpers";

// Names and searches go to the sandbox over HTTP; the token lookup has its own tests.
const connection = vi.hoisted(() => ({ client: undefined as FhirClient | undefined }));
vi.mock("@/lib/smart/get-fhir-client", () => ({ getFhirClientForOrganization: async () => ({ client: connection.client }) }));

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let organizationId: Id<"organization">;
let otherClinic: Id<"organization">;
const ids = new Map<string, Id<"patient">>();
const timeZone = "America/New_York";
const now = new Date("2026-12-07T17:00:00Z"); // 12:00 in the clinic
const audit = { ip: "127.0.0.1", userAgent: "vitest" };
const list = (extra: { query?: string; page?: number } = {}) =>
  listPatientDirectory(handle.db, { organizationId, userId: "user-1", timeZone, now, page: 1, ...extra }, audit);
const nameOf = (i: number) => `${seedPatients[i]!.given} ${seedPatients[i]!.family}`;

async function visit(patient: number, startAt: string, status = "booked", clinic = organizationId) {
  await handle.db.insert(appointments).values({
    id: createId("appointment"), organizationId: clinic, patientId: ids.get(seedPatients[patient]!.id)!, fhirBaseUrl: sandbox.fhirBase,
    ehrAppointmentId: `appt-${patient}-${startAt}`, startAt: new Date(startAt), status, lastSyncedAt: now,
  });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const started = await startSandboxWithClient();
  sandbox = started.sandbox;
  connection.client = started.client;
  organizationId = await createClinic(handle.db, "directory-clinic", timeZone);
  otherClinic = await createClinic(handle.db, "directory-other", timeZone);
  for (const p of seedPatients) ids.set(p.id, await upsertPatientLink(handle.db, organizationId, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId: p.id }));
  // 0: this morning (already past, still today's visit); 1: tomorrow; 2: next week, plus a cancelled
  // visit sooner; 3: only a visit last month; the rest: no visit at all.
  await visit(0, "2026-12-07T14:00:00Z");
  await visit(1, "2026-12-08T15:00:00Z");
  await visit(2, "2026-12-14T15:00:00Z");
  await visit(2, "2026-12-07T20:00:00Z", "cancelled");
  await visit(3, "2026-11-07T15:00:00Z");
  const typeId = createId("screeningType");
  await handle.db.insert(screeningTypes).values({ id: typeId, organizationId, key: "t", version: 1, name: "T", definition: {} });
  const result = (patient: number, status: "due" | "overdue" | "needs_review" | "complete", key: string, selection: "standalone" | "superseded" = "standalone") => ({
    id: createId("screeningResult"), organizationId, patientId: ids.get(seedPatients[patient]!.id)!, screeningTypeId: typeId, screeningTypeKey: key, screeningTypeVersion: 1,
    status, provisionalStatus: status, selection, detailsEncrypted: "x", asOf: "2026-12-07", inputHash: key, evaluatedAt: now,
  });
  // screening_results are unique per (patient, type): one type row each here.
  for (const [patient, status, selection] of [[0, "due", "standalone"], [0, "overdue", "standalone"], [0, "due", "superseded"], [0, "needs_review", "standalone"], [1, "complete", "standalone"]] as const) {
    const t = createId("screeningType");
    await handle.db.insert(screeningTypes).values({ id: t, organizationId, key: t, version: 1, name: t, definition: {} });
    await handle.db.insert(screeningResults).values({ ...result(patient, status, t, selection), screeningTypeId: t });
  }
  // Another clinic's link to the same Epic patient is never listed here.
  await upsertPatientLink(handle.db, otherClinic, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId: seedPatients[0]!.id });
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

describe("the Patients page", () => {
  it("lists linked patients soonest visit first, with Epic names, next visit and open screenings, audited", async () => {
    const directory = await list();
    expect(directory.total).toBe(seedPatients.length);
    const names = directory.rows.map((r) => r.banner?.name);
    expect(names.slice(0, 4)).toEqual([nameOf(0), nameOf(1), nameOf(2), nameOf(3)]);
    const [first, second, third, fourth] = directory.rows;
    expect(first).toMatchObject({ nextVisitAt: new Date("2026-12-07T14:00:00Z"), openGaps: 2, toReview: 1 });
    expect(second).toMatchObject({ nextVisitAt: new Date("2026-12-08T15:00:00Z"), openGaps: 0, toReview: 0 });
    // The cancelled visit sooner does not count as the next one.
    expect(third!.nextVisitAt).toEqual(new Date("2026-12-14T15:00:00Z"));
    expect(fourth).toMatchObject({ nextVisitAt: null, lastVisitAt: new Date("2026-11-07T15:00:00Z") });
    const [event] = await handle.db.select().from(auditEvents).where(and(eq(auditEvents.action, "patients.listed"), eq(auditEvents.organizationId, organizationId)));
    expect(event!.targetIds).toHaveLength(seedPatients.length);
    expect(JSON.stringify(event)).not.toContain(seedPatients[0]!.family);
  });

  it("searches the linked patients' names (every word starts a name part) or birth date", async () => {
    const found = await list({ query: seedPatients[4]!.family.toLowerCase() });
    expect(found.rows.map((r) => r.banner?.name)).toEqual([nameOf(4)]);
    const both = await list({ query: `${seedPatients[8]!.given.slice(0, 3)} ${seedPatients[8]!.family}` });
    expect(both.rows.map((r) => r.banner?.name)).toEqual([nameOf(8)]);
    expect((await list({ query: "Zzyzx" })).rows).toEqual([]);
    expect((await list({ query: seedPatients[5]!.birthDate })).rows.map((r) => r.banner?.name)).toEqual([nameOf(5)]);
  });

  it("pages without overlap", async () => {
    for (let i = 0; i < patientDirectoryPageSize + 5 - seedPatients.length; i += 1) await upsertPatientLink(handle.db, organizationId, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId: `eUnknown${i}` });
    const one = await list({ page: 1 });
    const two = await list({ page: 2 });
    expect(one.total).toBe(patientDirectoryPageSize + 5);
    expect([one.rows.length, two.rows.length, one.pageCount]).toEqual([patientDirectoryPageSize, 5, 2]);
    expect(new Set([...one.rows, ...two.rows].map((r) => r.patientId)).size).toBe(patientDirectoryPageSize + 5);
    // A patient Epic does not know shows no name rather than failing the page.
    expect(two.rows.some((r) => r.banner === null)).toBe(true);
    expect((await list({ page: 9 })).rows).toEqual([]);
  });
});
