import { and, asc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Id } from "@/lib/ids";
import type { Db } from "../client";
import { appointments, patientDocuments, patients } from "../schema";

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
