import { and, asc, eq, inArray, lt, sql, type SQL } from "drizzle-orm";
import { createId, type Id } from "@/lib/ids";
import type { Db } from "../client";
import { appointments, clinicalRecords, patients, screeningResults, type ClinicalResourceType } from "../schema";

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

/** Rows per statement: well under PostgreSQL's 65,535 bind parameters, small enough to stay quick. */
const recordBatch = 500;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Insert or replace clinical records of one patient and type, a batch per statement (one round trip
 * per 500 records instead of one each). `dataEncrypted` is bound to the natural key, so it survives
 * the upsert. Each ehrId at most once per call.
 */
export async function upsertClinicalRecords(
  db: Db,
  organizationId: Id<"organization">,
  key: { patientId: Id<"patient">; resourceType: ClinicalResourceType },
  records: readonly { ehrId: string; dataEncrypted: string }[],
  syncedAt: Date,
): Promise<void> {
  for (const batch of chunks(records, recordBatch)) {
    await db
      .insert(clinicalRecords)
      .values(batch.map((r) => ({ id: createId("clinicalRecord"), organizationId, ...key, ehrId: r.ehrId, dataEncrypted: r.dataEncrypted, syncedAt })))
      .onConflictDoUpdate({
        target: [clinicalRecords.organizationId, clinicalRecords.patientId, clinicalRecords.resourceType, clinicalRecords.ehrId],
        set: { dataEncrypted: sql`excluded.data_encrypted`, syncedAt: sql`excluded.synced_at` },
      });
  }
}

/** Records a full resync saw again unchanged: only their `syncedAt` moves (the resync then deletes what it did not see). */
export async function touchClinicalRecords(
  db: Db,
  organizationId: Id<"organization">,
  key: { patientId: Id<"patient">; resourceType: ClinicalResourceType },
  ehrIds: readonly string[],
  syncedAt: Date,
): Promise<void> {
  for (const batch of chunks(ehrIds, recordBatch)) {
    await db
      .update(clinicalRecords)
      .set({ syncedAt })
      .where(and(eq(clinicalRecords.organizationId, organizationId), eq(clinicalRecords.patientId, key.patientId), eq(clinicalRecords.resourceType, key.resourceType), inArray(clinicalRecords.ehrId, batch)));
  }
}

/** The stored ciphertext of some records of one patient and type, by Epic id (to tell what a re-pull changed). */
export async function listClinicalRecordCiphertexts(
  db: Db,
  organizationId: Id<"organization">,
  key: { patientId: Id<"patient">; resourceType: ClinicalResourceType },
  ehrIds: readonly string[],
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const batch of chunks(ehrIds, recordBatch)) {
    const rows = await db
      .select({ ehrId: clinicalRecords.ehrId, dataEncrypted: clinicalRecords.dataEncrypted })
      .from(clinicalRecords)
      .where(and(eq(clinicalRecords.organizationId, organizationId), eq(clinicalRecords.patientId, key.patientId), eq(clinicalRecords.resourceType, key.resourceType), inArray(clinicalRecords.ehrId, batch)));
    for (const row of rows) found.set(row.ehrId, row.dataEncrypted);
  }
  return found;
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

export type PatientDirectoryRow = {
  patientId: Id<"patient">;
  ehrPatientId: string;
  nextVisitAt: Date | null;
  lastVisitAt: Date | null;
  /** Screenings Due or Overdue (family variants set aside). */
  openGaps: number;
  toReview: number;
};

// Raw names for the outer row: drizzle leaves columns unqualified in a one-table select, and inside
// these subqueries an unqualified organization_id or id would name the subquery's own table.
const outerId = sql.raw(`"patients"."id"`);
const outerOrg = sql.raw(`"patients"."organization_id"`);
const visitKept = sql.raw(`a.status not in ('cancelled', 'noshow', 'entered-in-error')`);

/**
 * One page of the clinic's linked patients: next visit from `dayStart` on (today's count), the last
 * one before it, and open screening gaps; soonest visit first, then most recent. Ids only: names
 * come from Epic when shown. `ehrPatientIds` narrows to a search's matches.
 */
export async function listPatientDirectoryPage(
  db: Db,
  organizationId: Id<"organization">,
  input: { dayStart: Date; limit: number; offset: number; ehrPatientIds?: readonly string[] },
): Promise<{ rows: PatientDirectoryRow[]; total: number }> {
  const dayStart = input.dayStart.toISOString();
  const nextVisit = sql<string | null>`(select min(a.start_at) from ${appointments} a where a.organization_id = ${outerOrg} and a.patient_id = ${outerId} and a.start_at >= ${dayStart} and ${visitKept})`;
  const lastVisit = sql<string | null>`(select max(a.start_at) from ${appointments} a where a.organization_id = ${outerOrg} and a.patient_id = ${outerId} and a.start_at < ${dayStart} and ${visitKept})`;
  const where = [eq(patients.organizationId, organizationId)];
  if (input.ehrPatientIds) {
    if (input.ehrPatientIds.length === 0) return { rows: [], total: 0 };
    where.push(inArray(patients.ehrPatientId, [...input.ehrPatientIds]));
  }
  const rows = await db
    .select({
      patientId: patients.id,
      ehrPatientId: patients.ehrPatientId,
      nextVisitAt: nextVisit,
      lastVisitAt: lastVisit,
      gaps: sql<[number, number]>`(select array[count(*) filter (where r.status in ('due', 'overdue')), count(*) filter (where r.status = 'needs_review')]::int[] from ${screeningResults} r where r.organization_id = ${outerOrg} and r.patient_id = ${outerId} and r.selection <> 'superseded')`,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(patients)
    .where(and(...where))
    .orderBy(sql`3 asc nulls last`, sql`4 desc nulls last`, asc(patients.id))
    .limit(input.limit)
    .offset(input.offset);
  const toDate = (v: string | Date | null) => (v === null ? null : new Date(v));
  return {
    total: rows[0]?.total ?? (input.offset > 0 ? await countPatients(db, organizationId, where) : 0),
    rows: rows.map((r) => ({
      patientId: r.patientId,
      ehrPatientId: r.ehrPatientId,
      nextVisitAt: toDate(r.nextVisitAt),
      lastVisitAt: toDate(r.lastVisitAt),
      openGaps: r.gaps[0],
      toReview: r.gaps[1],
    })),
  };
}

async function countPatients(db: Db, organizationId: Id<"organization">, where: SQL[]): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(patients).where(and(...where));
  return row?.n ?? 0;
}
