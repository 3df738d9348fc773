import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import { createId, type Id } from "@/lib/ids";
import type { Db } from "../client";
import { clinicalRecords, patients, type ClinicalResourceType } from "../schema";

export type PatientRow = typeof patients.$inferSelect;
export type ClinicalRecordRow = typeof clinicalRecords.$inferSelect;

/** Creates the link on first sight and returns our id either way (idempotent under concurrency). */
export async function upsertPatientLink(
  db: Db,
  organizationId: Id<"organization">,
  link: { fhirBaseUrl: string; ehrPatientId: string; scheduledAt?: Date },
): Promise<Id<"patient">> {
  const scheduledAt = link.scheduledAt ?? null;
  const [row] = await db
    .insert(patients)
    .values({ id: createId("patient"), organizationId, fhirBaseUrl: link.fhirBaseUrl, ehrPatientId: link.ehrPatientId, lastScheduledAt: scheduledAt })
    .onConflictDoUpdate({
      target: [patients.organizationId, patients.fhirBaseUrl, patients.ehrPatientId],
      set: scheduledAt ? { lastScheduledAt: scheduledAt, updatedAt: new Date() } : { updatedAt: new Date() },
    })
    .returning({ id: patients.id });
  return row!.id;
}

export async function findPatient(db: Db, organizationId: Id<"organization">, patientId: string): Promise<PatientRow | null> {
  const [row] = await db
    .select()
    .from(patients)
    .where(and(eq(patients.organizationId, organizationId), eq(patients.id, patientId as Id<"patient">)))
    .limit(1);
  return row ?? null;
}

export async function listPatients(db: Db, organizationId: Id<"organization">): Promise<PatientRow[]> {
  return db.select().from(patients).where(eq(patients.organizationId, organizationId)).orderBy(asc(patients.id));
}

export async function updatePatientSyncState(
  db: Db,
  organizationId: Id<"organization">,
  patientId: Id<"patient">,
  changes: Pick<Partial<PatientRow>, "factsEncrypted" | "lastSyncedAt" | "lastFullSyncAt">,
): Promise<void> {
  await db
    .update(patients)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(patients.organizationId, organizationId), eq(patients.id, patientId)));
}

/** Insert or replace one clinical record; `dataEncrypted` is bound to the natural key, so it survives the upsert. */
export async function upsertClinicalRecord(
  db: Db,
  organizationId: Id<"organization">,
  record: { patientId: Id<"patient">; resourceType: ClinicalResourceType; ehrId: string; dataEncrypted: string; syncedAt: Date },
): Promise<void> {
  await db
    .insert(clinicalRecords)
    .values({ id: createId("clinicalRecord"), organizationId, ...record })
    .onConflictDoUpdate({
      target: [clinicalRecords.organizationId, clinicalRecords.patientId, clinicalRecords.resourceType, clinicalRecords.ehrId],
      set: { dataEncrypted: record.dataEncrypted, syncedAt: record.syncedAt },
    });
}

export async function listClinicalRecords(
  db: Db,
  organizationId: Id<"organization">,
  patientId: Id<"patient">,
  resourceTypes?: readonly ClinicalResourceType[],
): Promise<ClinicalRecordRow[]> {
  const where = [eq(clinicalRecords.organizationId, organizationId), eq(clinicalRecords.patientId, patientId)];
  if (resourceTypes) where.push(inArray(clinicalRecords.resourceType, [...resourceTypes]));
  return db.select().from(clinicalRecords).where(and(...where)).orderBy(asc(clinicalRecords.resourceType), asc(clinicalRecords.ehrId));
}

/** After a full resync: whatever Epic no longer returned (deleted, moved) goes. */
export async function deleteClinicalRecordsSyncedBefore(
  db: Db,
  organizationId: Id<"organization">,
  patientId: Id<"patient">,
  before: Date,
): Promise<number> {
  const rows = await db
    .delete(clinicalRecords)
    .where(and(eq(clinicalRecords.organizationId, organizationId), eq(clinicalRecords.patientId, patientId), lt(clinicalRecords.syncedAt, before)))
    .returning({ id: clinicalRecords.id });
  return rows.length;
}

/**
 * Retention: drops the cached clinical data (facts, records; documents cascade separately) of
 * patients not on a synced schedule since `before`. The link row stays so ids remain stable.
 */
export async function purgeStalePatientData(db: Db, organizationId: Id<"organization">, before: Date): Promise<number> {
  const stale = db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.organizationId, organizationId), sql`coalesce(${patients.lastScheduledAt}, ${patients.createdAt}) < ${before}`));
  await db.delete(clinicalRecords).where(and(eq(clinicalRecords.organizationId, organizationId), inArray(clinicalRecords.patientId, stale)));
  const rows = await db
    .update(patients)
    .set({ factsEncrypted: null, lastSyncedAt: null, lastFullSyncAt: null, updatedAt: new Date() })
    .where(and(eq(patients.organizationId, organizationId), inArray(patients.id, stale)))
    .returning({ id: patients.id });
  return rows.length;
}
