import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { upsertPatientLink } from "@/db/queries/patients";
import { appointments, auditEvents, patientBanners, patients } from "@/db/schema";
import { runClinicDay } from "@/lib/clinic-day/run-clinic-day";
import { getCipher } from "@/lib/crypto";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { loadPatientNames } from "@/lib/schedule/load-patient-names";
import { patientBannerAad } from "@/lib/schedule/patient-banner-aad";
import { localDate } from "@/lib/dates/local-date";
import { clinicDayRange } from "@/lib/sync/clinic-day-range";
import { seedPatients } from "../epic-sandbox/seed/default-patients";
import type { EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createSandboxClinic } from "./prep-sheet-test-helpers";
import { createClinic, createCountingOcr, startSandboxWithClient } from "./sync-test-helpers";

// The connection lookup (tokens, Backend Services) has its own tests; here every read goes to the sandbox over HTTP.
const connection = vi.hoisted(() => ({ client: undefined as FhirClient | undefined }));
vi.mock("@/lib/smart/get-fhir-client", () => ({ getFhirClientForOrganization: async () => ({ client: connection.client }) }));

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let organizationId: Id<"organization">;
let rows: Array<{ patientId: string; ehrPatientId: string }>;
const timeZone = "America/New_York";
const date = "2026-12-07";
const midday = new Date("2026-12-07T17:00:00Z");
const dayEnd = clinicDayRange(timeZone, date, 1).to;
const audit = { ip: "127.0.0.1", userAgent: "vitest" };

const patientReads = () => sandbox.stats().requests.filter((r) => /\/Patient\/[^/?]+$/.test(r.path)).length;
const view = (now: Date, on = date) => loadPatientNames(handle.db, { organizationId, userId: "user-1", patients: rows, date: on, timeZone, now }, audit);

beforeAll(async () => {
  handle = await createTestDatabase();
  const started = await startSandboxWithClient();
  sandbox = started.sandbox;
  connection.client = started.client;
  organizationId = await createClinic(handle.db, "banner-clinic", timeZone);
  rows = [];
  for (const p of seedPatients) rows.push({ patientId: await upsertPatientLink(handle.db, organizationId, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId: p.id }), ehrPatientId: p.id });
});
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
});

describe("schedule banners", () => {
  it("reads each name from Epic once per visit day, keeps it only encrypted until the day ends, and audits every view", async () => {
    sandbox.resetStats();
    const first = await view(midday);
    expect(patientReads()).toBe(seedPatients.length);
    expect(first.get(rows[0]!.patientId)?.name).toBe(`${seedPatients[0]!.given} ${seedPatients[0]!.family}`);

    const stored = await handle.db.select().from(patientBanners).where(eq(patientBanners.organizationId, organizationId));
    expect(stored).toHaveLength(seedPatients.length);
    for (const row of stored) {
      expect(row.expiresAt.getTime()).toBe(dayEnd.getTime());
      expect(row.bannerEncrypted.startsWith("hp1.")).toBe(true);
      for (const p of seedPatients) expect(row.bannerEncrypted).not.toContain(p.family);
      expect(JSON.parse(getCipher().decrypt(row.bannerEncrypted, patientBannerAad(organizationId, row.patientId)))).toHaveProperty("name");
    }

    sandbox.resetStats();
    const second = await view(new Date(midday.getTime() + 60_000));
    expect(patientReads()).toBe(0);
    expect([...second.entries()].sort()).toEqual([...first.entries()].sort());

    // The day is over: nothing cached is shown, Epic is asked again, and the old rows are gone.
    sandbox.resetStats();
    const after = await view(dayEnd);
    expect(patientReads()).toBe(seedPatients.length);
    expect(after.size).toBe(seedPatients.length);
    expect(await handle.db.select().from(patientBanners).where(eq(patientBanners.organizationId, organizationId))).toHaveLength(0);

    const views = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "schedule.viewed"));
    expect(views).toHaveLength(3);
    expect(views.every((v) => v.targetIds.length === seedPatients.length)).toBe(true);
  });

  it("a clinic day keeps the banners of the patients it pulled: the day's first schedule view asks Epic for nothing", async () => {
    const today = localDate(timeZone, new Date());
    const clinic = await createSandboxClinic(handle.db, sandbox, "banner-day");
    const ctx = { db: handle.db, getFhirClient: async () => ({ client: connection.client!, fhirBaseUrl: sandbox.fhirBase }), getOcr: async () => createCountingOcr(), now: () => new Date() };
    sandbox.resetStats();
    const day = await runClinicDay(ctx, { orgSlug: "banner-day", date: today, practitionerId: sandbox.practitioners.FHIR! });
    // The pull's Patient read served the sheet's header and the banner too: one read per patient.
    expect(patientReads()).toBe(day.patients);
    const onSchedule = await handle.db.selectDistinct({ patientId: appointments.patientId, ehrPatientId: patients.ehrPatientId })
      .from(appointments).innerJoin(patients, eq(patients.id, appointments.patientId)).where(eq(appointments.organizationId, clinic));
    const kept = await handle.db.select().from(patientBanners).where(eq(patientBanners.organizationId, clinic));
    expect(kept.length).toBe(day.patients);
    expect(kept.every((b) => b.expiresAt.getTime() === clinicDayRange(timeZone, today, 1).to.getTime() && b.bannerEncrypted.startsWith("hp1."))).toBe(true);

    sandbox.resetStats();
    const scheduled = onSchedule.filter((p) => kept.some((b) => b.patientId === p.patientId));
    const names = await loadPatientNames(handle.db, { organizationId: clinic, userId: "user-1", patients: scheduled, date: today, timeZone }, audit);
    expect(patientReads()).toBe(0);
    expect(names.size).toBe(day.patients);
    const shown = seedPatients.find((p) => scheduled.some((s) => s.ehrPatientId === p.id))!;
    expect([...names.values()].map((n) => n.name)).toContain(`${shown.given} ${shown.family}`);
  });

  it("caches nothing for a day that has already ended", async () => {
    await view(new Date(dayEnd.getTime() + 86_400_000), date);
    expect(await handle.db.select().from(patientBanners).where(eq(patientBanners.organizationId, organizationId))).toHaveLength(0);
  });
});
