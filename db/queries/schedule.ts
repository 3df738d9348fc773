import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Id } from "@/lib/ids";
import type { Db } from "../client";
import { definePreparedQuery } from "../prepared-query";
import { accounts, appointments, ehrTokens, jobRuns, patientDocuments, patients, prepSheets } from "../schema";

/**
 * A clinic day's appointments with their patient's Epic id, the patient's document progress (total,
 * finished = processed/skipped, failed, pages read; Epic's documents only, as the patient page
 * counts them: our own written-back note is not one to read) and the appointment's newest prep sheet, in one
 * statement: the schedule page and its poll ask for this every few seconds. Tenant-scoped on every table.
 */
const scheduleRows = definePreparedQuery("list_schedule_rows", (db) => {
  const organizationId = sql.placeholder("organizationId");
  return db
    .select({
      appointmentId: appointments.id,
      startAt: appointments.startAt,
      endAt: appointments.endAt,
      status: appointments.status,
      visitType: appointments.visitType,
      prepStatus: appointments.prepStatus,
      ehrPractitionerId: appointments.ehrPractitionerId,
      patientId: patients.id,
      ehrPatientId: patients.ehrPatientId,
      // Correlated subqueries on (organization_id, patient_id) and the (organization_id, appointment_id, version) unique index.
      documents: sql<[number, number, number, number]>`(select array[count(*), count(*) filter (where d.state in ('processed', 'skipped')), count(*) filter (where d.state = 'failed'), coalesce(sum(d.pages) filter (where d.state = 'processed'), 0)]::int[] from ${patientDocuments} d where d.organization_id = ${organizationId} and d.patient_id = ${patients.id} and d.origin = 'ehr')`,
      // The newest failure's machine code, for the row's plain-words reason (null on a healthy row).
      failedReason: sql<string | null>`(select d.failure_reason from ${patientDocuments} d where d.organization_id = ${organizationId} and d.patient_id = ${patients.id} and d.origin = 'ehr' and d.state = 'failed' order by d.updated_at desc limit 1)`,
      prepSheetId: sql<string | null>`(select s.id from ${prepSheets} s where s.organization_id = ${organizationId} and s.appointment_id = ${appointments.id} order by s.version desc limit 1)`,
    })
    .from(appointments)
    .innerJoin(patients, and(eq(patients.id, appointments.patientId), eq(patients.organizationId, organizationId)))
    .where(and(eq(appointments.organizationId, organizationId), gte(appointments.startAt, sql.placeholder("from")), lt(appointments.startAt, sql.placeholder("to"))))
    .orderBy(asc(appointments.startAt), asc(appointments.id));
});

export async function listScheduleRows(db: Db, organizationId: Id<"organization">, range: { from: Date; to: Date }) {
  const rows = await scheduleRows(db).execute({ organizationId, from: range.from, to: range.to });
  return rows.map(({ documents: [total, done, failed, pages], failedReason, ...row }) => ({ ...row, documents: { total, done, failed, pages, failedReason } }));
}

/**
 * Why prep failed, for "Failed" rows: the newest failed prep job run naming each appointment
 * (per-patient runs list appointmentIds, single runs appointmentId). Messages are AppError text, PHI-free.
 */
export async function listPrepFailureReasons(db: Db, organizationId: Id<"organization">, appointmentIds: string[]) {
  if (appointmentIds.length === 0) return new Map<string, string>();
  const ids = sql.join(appointmentIds.map((id) => sql`${id}`), sql`, `);
  const runs = await db
    .select({ eventData: jobRuns.eventData, errorMessage: jobRuns.errorMessage })
    .from(jobRuns)
    .where(
      and(
        eq(jobRuns.organizationId, organizationId),
        eq(jobRuns.status, "failed"),
        inArray(jobRuns.functionId, ["prepare-schedule-patient", "generate-prep-sheet"]),
        sql`(${jobRuns.eventData}->>'appointmentId' in (${ids}) or ${jobRuns.eventData}->'appointmentIds' ?| array[${ids}]::text[])`,
      ),
    )
    .orderBy(desc(jobRuns.startedAt))
    .limit(200);
  const reasons = new Map<string, string>();
  for (const run of runs) {
    const named = [run.eventData.appointmentId, ...(Array.isArray(run.eventData.appointmentIds) ? run.eventData.appointmentIds : [])];
    for (const id of named) if (typeof id === "string" && !reasons.has(id)) reasons.set(id, run.errorMessage ?? "unknown reason");
  }
  return reasons;
}

/** The fhirUser values linking a user to this clinic's Epic: their `epic:<clinic>` account and their own Epic connection. */
const userFhirUsers = definePreparedQuery("list_user_fhir_users", (db) => {
  const organizationId = sql.placeholder("organizationId");
  const userId = sql.placeholder("userId");
  return db
    .select({ fhirUser: sql<string | null>`${accounts.providerAccountId}`.as("fhir_user") })
    .from(accounts)
    .where(and(eq(accounts.provider, sql`'epic:' || ${organizationId}`), eq(accounts.userId, userId)))
    .unionAll(
      db
        .select({ fhirUser: sql<string | null>`${ehrTokens.fhirUser}`.as("fhir_user") })
        .from(ehrTokens)
        .where(and(eq(ehrTokens.organizationId, organizationId), eq(ehrTokens.kind, "user"), eq(ehrTokens.userId, userId))),
    );
});

export async function listUserFhirUsers(db: Db, organizationId: Id<"organization">, userId: string): Promise<string[]> {
  const rows = await userFhirUsers(db).execute({ organizationId, userId });
  return rows.flatMap((r) => (r.fhirUser ? [r.fhirUser] : []));
}
