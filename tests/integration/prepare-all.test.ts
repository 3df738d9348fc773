import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accounts, appointments, patients, prepSheets } from "@/db/schema";
import { createInProcessRunner } from "@/inngest/in-process-runner";
import { createJobs } from "@/inngest/functions";
import type { JobDeps } from "@/inngest/job-deps";
import { createJobRunHooks } from "@/inngest/job-run-hooks";
import { syncClinicDaySchedule } from "@/lib/clinic-day/sync-clinic-day-schedule";
import { localDate } from "@/lib/dates/local-date";
import { AppError } from "@/lib/errors";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { registerJobDispatcher } from "@/lib/jobs/dispatch-event";
import { loadPrepSheet } from "@/lib/prep-sheet-data/load-prep-sheet";
import { getScheduleDay } from "@/lib/schedule/get-schedule-day";
import { prepareScheduleDay } from "@/lib/schedule/prepare-schedule-day";
import { regenerateAppointmentPrepSheet } from "@/lib/schedule/regenerate-appointment-prep-sheet";
import { resolveScheduleScope } from "@/lib/schedule/resolve-schedule-scope";
import type { SyncJobContext } from "@/lib/sync/sync-job-context";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createSandboxClinic } from "./prep-sheet-test-helpers";
import { createCountingOcr, readTypes, sandboxClient, signInToSandbox } from "./sync-test-helpers";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
const timeZone = "America/New_York";
const today = localDate(timeZone, new Date());
const ocr = createCountingOcr();
/** Epic patient ids whose pull fails (a patient Epic will not return). */
const unreachable = new Set<string>();

/** The sandbox client, except that reading an unreachable patient fails the way Epic outages do. */
function faultyClient(): FhirClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      if (prop !== "read") return Reflect.get(target, prop, receiver);
      return async (type: string, id: string, opts?: unknown) => {
        if (type === "Patient" && unreachable.has(id)) throw new AppError("ehr_unavailable", "Epic did not answer for the patient");
        return (target.read as (t: string, i: string, o?: unknown) => Promise<unknown>)(type, id, opts);
      };
    },
  });
}
const ctx = (): SyncJobContext => ({ db: handle.db, getFhirClient: async () => ({ client: faultyClient(), fhirBaseUrl: sandbox.fhirBase }), getOcr: async () => ocr, now: () => new Date() });

beforeAll(async () => {
  handle = await createTestDatabase();
  sandbox = await startEpicSandbox();
  const session = await signInToSandbox(sandbox, [...readTypes.map((t) => `user/${t}.read`), "user/Practitioner.read"]);
  client = sandboxClient(sandbox, session);
});
afterAll(async () => {
  registerJobDispatcher(undefined);
  await sandbox?.close();
  await handle?.close();
});

async function todaysVisits(organizationId: Id<"organization">) {
  const rows = await handle.db.select().from(appointments).where(eq(appointments.organizationId, organizationId));
  return rows.filter((a) => localDate(timeZone, a.startAt) === today && a.status !== "cancelled");
}

describe("prepare all", () => {
  it("pulls each patient before building: a clinic with a synced schedule but no patient syncs gets full sheets", async () => {
    const organizationId = await createSandboxClinic(handle.db, sandbox, "prep-all");
    // Only the schedule: the patient syncs that normally follow never ran.
    await syncClinicDaySchedule(ctx(), { organizationId, date: today });
    const runner = createInProcessRunner(createJobs({ context: async () => ctx() } satisfies JobDeps), { retryDelayMs: 1 });
    registerJobDispatcher(runner);

    const { requested } = await prepareScheduleDay(handle.db, { organizationId, timeZone, userId: "user-prep-all", date: today });
    const visits = await todaysVisits(organizationId);
    expect(requested).toBe(visits.length);
    expect(visits.length).toBeGreaterThan(1);
    // Rows show "Preparing" until their sheet is stored.
    expect(visits.every((a) => a.prepStatus === "in_progress")).toBe(true);
    await runner.idle();

    const day = await getScheduleDay(handle.db, { organizationId, timeZone, date: today });
    for (const visit of await todaysVisits(organizationId)) {
      expect(["ready", "needs_review"]).toContain(visit.prepStatus);
      const row = day.rows.find((r) => r.appointmentId === visit.id);
      expect(row?.prepSheetId).toBeTruthy();
      const { sheet } = await loadPrepSheet(handle.db, { organizationId, prepSheetId: row!.prepSheetId! });
      expect(sheet.screenings.length, "screenings").toBeGreaterThan(0);
      expect(sheet.header.ageYears, "age").not.toBeNull();
      expect(sheet.header.sex, "sex").not.toMatch(/unknown/i);
    }
  });

  it("regenerates one appointment through the same pipeline; a patient whose pull fails ends Failed with a reason", async () => {
    const organizationId = await createSandboxClinic(handle.db, sandbox, "prep-one");
    await syncClinicDaySchedule(ctx(), { organizationId, date: today });
    // Runs are recorded as in the app, so the failed pull's reason reaches the schedule.
    const runner = createInProcessRunner(createJobs({ context: async () => ctx() } satisfies JobDeps), { retryDelayMs: 1, runHooks: createJobRunHooks(async () => handle.db) });
    registerJobDispatcher(runner);
    const [first, second] = await todaysVisits(organizationId);

    await regenerateAppointmentPrepSheet(handle.db, { organizationId, userId: "user-prep-one", appointmentId: first!.id });
    await runner.idle();
    const sheets = await handle.db.select().from(prepSheets).where(and(eq(prepSheets.organizationId, organizationId), eq(prepSheets.appointmentId, first!.id)));
    expect(sheets).toHaveLength(1);
    expect((await loadPrepSheet(handle.db, { organizationId, prepSheetId: sheets[0]!.id })).sheet.screenings.length).toBeGreaterThan(0);

    const [patient] = await handle.db.select().from(patients).where(and(eq(patients.organizationId, organizationId), eq(patients.id, second!.patientId)));
    unreachable.add(patient!.ehrPatientId);
    try {
      await regenerateAppointmentPrepSheet(handle.db, { organizationId, userId: "user-prep-one", appointmentId: second!.id });
      await runner.idle();
    } finally {
      unreachable.clear();
    }
    const day = await getScheduleDay(handle.db, { organizationId, timeZone, date: today });
    const failed = day.rows.find((r) => r.appointmentId === second!.id);
    expect(failed?.prepStatus).toBe("failed");
    expect(failed?.prepError).toContain("Epic did not answer");
    expect(failed?.prepSheetId).toBeNull();
  });

  it("me or my clinic: a linked provider sees their own visits by default, others the clinic's", async () => {
    const organizationId = await createSandboxClinic(handle.db, sandbox, "prep-who");
    await syncClinicDaySchedule(ctx(), { organizationId, date: today });
    const [linked] = await handle.db.select().from(accounts).where(eq(accounts.provider, `epic:${organizationId}`));
    const day = (practitionerId?: string | null) => getScheduleDay(handle.db, { organizationId, timeZone, date: today, practitionerId });
    const clinic = await day();

    const mine = await resolveScheduleScope(handle.db, { organizationId, userId: linked!.userId, role: "provider" });
    expect(mine).toMatchObject({ who: "me", canShowMine: true });
    expect(linked!.providerAccountId).toMatch(new RegExp(`/Practitioner/${mine.practitionerId}$`));
    const own = await day(mine.practitionerId);
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows.length).toBeLessThan(clinic.rows.length);
    const ownIds = new Set(own.rows.map((r) => r.appointmentId));
    const visits = await handle.db.select().from(appointments).where(eq(appointments.organizationId, organizationId));
    for (const v of visits.filter((a) => ownIds.has(a.id))) expect(v.ehrPractitionerId).toBe(mine.practitionerId);

    expect(await resolveScheduleScope(handle.db, { organizationId, userId: linked!.userId, role: "staff" })).toMatchObject({ who: "clinic", practitionerId: undefined });
    expect(await resolveScheduleScope(handle.db, { organizationId, userId: linked!.userId, role: "provider", who: "clinic" })).toMatchObject({ who: "clinic" });
    const stranger = await resolveScheduleScope(handle.db, { organizationId, userId: "user-not-linked", role: "provider", who: "me" });
    expect(stranger).toMatchObject({ who: "me", practitionerId: null, canShowMine: false });
    expect((await day(stranger.practitionerId)).rows).toHaveLength(0);
    expect(await resolveScheduleScope(handle.db, { organizationId, userId: "user-not-linked", role: "provider" })).toMatchObject({ who: "clinic" });
  });
});
