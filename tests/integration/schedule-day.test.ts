import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appointments, organizations, patientDocuments, patients, prepSheets, syncRuns, type PrepStatus } from "@/db/schema";
import { createId, type Id } from "@/lib/ids";
import { getScheduleDay } from "@/lib/schedule/get-schedule-day";
import { startOfLocalDay } from "@/lib/sync/clinic-day-range";
import { createTestDatabase } from "../setup/test-db";

// The schedule reads appointments, document progress and the newest prep sheet in one statement;
// these are the numbers the page shows, checked against rows written directly.
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const timeZone = "America/Chicago";
const date = "2026-03-08"; // DST starts overnight in Chicago: the day is 23 hours long.
const fhirBaseUrl = "https://epic.invalid/api/FHIR/R4";
const now = new Date("2026-03-08T12:00:00Z");

type Seeded = { organizationId: Id<"organization">; patientIds: Id<"patient">[]; appointmentIds: Id<"appointment">[] };

async function seedClinic(slug: string, visits: Array<{ minutes: number; prepStatus: PrepStatus; practitioner: string }>): Promise<Seeded> {
  const organizationId = createId("organization");
  await handle.db.insert(organizations).values({ id: organizationId, name: slug, slug, timeZone });
  const dayStart = startOfLocalDay(timeZone, date);
  const seeded: Seeded = { organizationId, patientIds: [], appointmentIds: [] };
  for (const [i, visit] of visits.entries()) {
    const patientId = createId("patient");
    await handle.db.insert(patients).values({ id: patientId, organizationId, fhirBaseUrl, ehrPatientId: `e${slug}${i}` });
    const appointmentId = createId("appointment");
    const startAt = new Date(dayStart.getTime() + visit.minutes * 60_000);
    await handle.db.insert(appointments).values({
      id: appointmentId, organizationId, patientId, fhirBaseUrl, ehrAppointmentId: `e${slug}Appt${i}`, startAt,
      endAt: new Date(startAt.getTime() + 15 * 60_000), status: "booked", ehrPractitionerId: visit.practitioner, prepStatus: visit.prepStatus, lastSyncedAt: now,
    });
    seeded.patientIds.push(patientId);
    seeded.appointmentIds.push(appointmentId);
  }
  return seeded;
}

async function addDocuments(organizationId: Id<"organization">, patientId: Id<"patient">, states: Array<{ state: "pending" | "processing" | "processed" | "skipped" | "failed"; pages?: number; origin?: "ehr" | "healthprep"; failureReason?: string }>) {
  await handle.db.insert(patientDocuments).values(
    states.map((d, i) => ({
      id: createId("document"), organizationId, patientId, fhirBaseUrl, ehrDocumentId: `doc-${patientId}-${i}`, ehrVersion: "1", state: d.state, pages: d.pages ?? null, origin: d.origin ?? "ehr", failureReason: d.failureReason ?? null,
    })),
  );
}

async function addSheet(organizationId: Id<"organization">, patientId: Id<"patient">, appointmentId: Id<"appointment">, version: number): Promise<string> {
  const id = randomUUID();
  await handle.db.insert(prepSheets).values({
    id, organizationId, patientId, appointmentId, version, asOf: date, contentHash: `h${version}`, modelEncrypted: "x", status: "ready", generatedAt: now,
  });
  return id;
}

let clinic: Seeded;
let other: Seeded;
let newestSheet: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  // 00:30, 03:30 (after the clock jumped from 02:00 to 03:00), 23:30 local; one visit the next day.
  clinic = await seedClinic("day-clinic", [
    { minutes: 30, prepStatus: "ready", practitioner: "pA" },
    { minutes: 150, prepStatus: "in_progress", practitioner: "pB" },
    { minutes: 22 * 60 + 30, prepStatus: "pending", practitioner: "pA" },
    { minutes: 23 * 60 + 30, prepStatus: "pending", practitioner: "pA" },
  ]);
  other = await seedClinic("other-clinic", [{ minutes: 60, prepStatus: "ready", practitioner: "pA" }]);
  const [p0, p1] = clinic.patientIds;
  await addDocuments(clinic.organizationId, p0!, [
    { state: "processed", pages: 2 }, { state: "processed", pages: 3 }, { state: "skipped" }, { state: "failed", failureReason: "corrupt" }, { state: "pending" },
    // Our own prep sheet written back to Epic: not a document to read, so not counted (as on the patient page).
    { state: "skipped", origin: "healthprep" },
  ]);
  await addDocuments(clinic.organizationId, p1!, [{ state: "processing" }, { state: "processed", pages: 1 }]);
  await addSheet(clinic.organizationId, p0!, clinic.appointmentIds[0]!, 1);
  newestSheet = await addSheet(clinic.organizationId, p0!, clinic.appointmentIds[0]!, 3);
  await addSheet(clinic.organizationId, p0!, clinic.appointmentIds[0]!, 2);
  // The other clinic's rows for its own patient must never count toward this clinic's.
  await addDocuments(other.organizationId, other.patientIds[0]!, [{ state: "processed", pages: 9 }]);
  await addSheet(other.organizationId, other.patientIds[0]!, other.appointmentIds[0]!, 1);
  await handle.db.insert(syncRuns).values({
    id: createId("syncRun"), organizationId: clinic.organizationId, kind: "schedule", mode: "full", triggeredBy: "system", status: "partial",
    counts: {}, startedAt: new Date(now.getTime() - 60_000), finishedAt: now,
  });
});
afterAll(async () => handle?.close());

describe("getScheduleDay", () => {
  it("lists the clinic-local day in time order with each patient's document progress and the newest prep sheet", async () => {
    const day = await getScheduleDay(handle.db, { organizationId: clinic.organizationId, timeZone, date });
    // The fourth visit starts at 23:30 on a 23-hour day, i.e. 00:30 the next local day.
    expect(day.rows.map((r) => r.appointmentId)).toEqual(clinic.appointmentIds.slice(0, 3));
    const [first, second, third] = day.rows;
    expect(first).toMatchObject({ prepStatus: "ready", prepSheetId: newestSheet, documents: { total: 5, done: 3, failed: 1, pages: 5, failedReason: "corrupt" } });
    expect(second).toMatchObject({ prepStatus: "in_progress", prepSheetId: null, documents: { total: 2, done: 1, failed: 0, pages: 1, failedReason: null } });
    expect(third).toMatchObject({ prepStatus: "pending", prepSheetId: null, documents: { total: 0, done: 0, failed: 0, pages: 0 } });
    expect(day.sync).toEqual({ status: "partial", at: now.toISOString(), error: null });
  });

  it("narrows to one practitioner's visits, and to none for a user without one", async () => {
    const mine = await getScheduleDay(handle.db, { organizationId: clinic.organizationId, timeZone, date, practitionerId: "pB" });
    expect(mine.rows.map((r) => r.appointmentId)).toEqual([clinic.appointmentIds[1]]);
    const none = await getScheduleDay(handle.db, { organizationId: clinic.organizationId, timeZone, date, practitionerId: null });
    expect(none.rows).toEqual([]);
  });

  it("reads only the asking clinic's rows", async () => {
    const day = await getScheduleDay(handle.db, { organizationId: other.organizationId, timeZone, date });
    expect(day.rows).toHaveLength(1);
    expect(day.rows[0]).toMatchObject({ appointmentId: other.appointmentIds[0], documents: { total: 1, done: 1, failed: 0, pages: 9 } });
    expect(day.sync.status).toBe("never");
  });
});
