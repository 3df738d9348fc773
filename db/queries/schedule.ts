import { and, asc, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Id } from "@/lib/ids";
import type { Db } from "../client";
import { accounts, appointments, ehrTokens, jobRuns, patientDocuments, patients } from "../schema";

/** A clinic day's appointments with their patient's Epic id; tenant-scoped on both tables. */
export async function listScheduleRows(db: Db, organizationId: Id<"organization">, range: { from: Date; to: Date }) {
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
    })
    .from(appointments)
    .innerJoin(patients, and(eq(patients.id, appointments.patientId), eq(patients.organizationId, organizationId)))
    .where(and(eq(appointments.organizationId, organizationId), gte(appointments.startAt, range.from), lt(appointments.startAt, range.to)))
    .orderBy(asc(appointments.startAt), asc(appointments.id));
}

/** Document processing progress per patient: total, finished (processed/skipped), failed. */
export async function countDocumentProgress(db: Db, organizationId: Id<"organization">, patientIds: Id<"patient">[]) {
  if (patientIds.length === 0) return [];
  return db
    .select({
      patientId: patientDocuments.patientId,
      total: sql<number>`count(*)::int`,
      done: sql<number>`(count(*) filter (where ${patientDocuments.state} in ('processed', 'skipped')))::int`,
      failed: sql<number>`(count(*) filter (where ${patientDocuments.state} = 'failed'))::int`,
      pages: sql<number>`coalesce(sum(${patientDocuments.pages}) filter (where ${patientDocuments.state} = 'processed'), 0)::int`,
    })
    .from(patientDocuments)
    .where(and(eq(patientDocuments.organizationId, organizationId), inArray(patientDocuments.patientId, patientIds)))
    .groupBy(patientDocuments.patientId);
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
export async function listUserFhirUsers(db: Db, organizationId: Id<"organization">, userId: string): Promise<string[]> {
  const linked = await db
    .select({ fhirUser: accounts.providerAccountId })
    .from(accounts)
    .where(and(eq(accounts.provider, `epic:${organizationId}`), eq(accounts.userId, userId)));
  const connected = await db
    .select({ fhirUser: ehrTokens.fhirUser })
    .from(ehrTokens)
    .where(and(eq(ehrTokens.organizationId, organizationId), eq(ehrTokens.kind, "user"), eq(ehrTokens.userId, userId)));
  return [...linked, ...connected].flatMap((r) => (r.fhirUser ? [r.fhirUser] : []));
}
