import { and, asc, count, desc, eq, gte, inArray, isNotNull, lt, ne, type SQL } from "drizzle-orm";
import { createId, type Id } from "@/lib/ids";
import type { Db } from "../client";
import { appointments, openWriteBackStates, prepSheets, writeBacks } from "../schema";

export type PrepSheetRow = typeof prepSheets.$inferSelect;
export type WriteBackRow = typeof writeBacks.$inferSelect;
export type WriteBackLedgerState = WriteBackRow["state"];

export async function findAppointment(db: Db, organizationId: Id<"organization">, appointmentId: string) {
  const [row] = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.organizationId, organizationId), eq(appointments.id, appointmentId as Id<"appointment">)))
    .limit(1);
  return row ?? null;
}

export async function findPrepSheet(db: Db, organizationId: Id<"organization">, prepSheetId: string): Promise<PrepSheetRow | null> {
  const [row] = await db
    .select()
    .from(prepSheets)
    .where(and(eq(prepSheets.organizationId, organizationId), eq(prepSheets.id, prepSheetId)))
    .limit(1);
  return row ?? null;
}

export async function findLatestPrepSheetForAppointment(db: Db, organizationId: Id<"organization">, appointmentId: Id<"appointment">): Promise<PrepSheetRow | null> {
  const [row] = await db
    .select()
    .from(prepSheets)
    .where(and(eq(prepSheets.organizationId, organizationId), eq(prepSheets.appointmentId, appointmentId)))
    .orderBy(desc(prepSheets.version))
    .limit(1);
  return row ?? null;
}

/** Returns null when another worker stored the same version first (unique constraint). */
export async function insertPrepSheet(
  db: Db,
  organizationId: Id<"organization">,
  row: Omit<typeof prepSheets.$inferInsert, "organizationId" | "createdAt">,
): Promise<PrepSheetRow | null> {
  const [created] = await db.insert(prepSheets).values({ ...row, organizationId }).onConflictDoNothing().returning();
  return created ?? null;
}

/** A regeneration found the content unchanged: the stored sheet is current for these inputs. */
export async function setPrepSheetInputsFingerprint(db: Db, organizationId: Id<"organization">, prepSheetId: string, inputsFingerprint: Record<string, string>): Promise<void> {
  await db.update(prepSheets).set({ inputsFingerprint }).where(and(eq(prepSheets.organizationId, organizationId), eq(prepSheets.id, prepSheetId)));
}

/** Inserts a ledger row; null when an open write for this patient and encounter already exists. */
export async function insertWriteBack(
  db: Db,
  organizationId: Id<"organization">,
  row: Omit<typeof writeBacks.$inferInsert, "id" | "organizationId" | "createdAt" | "updatedAt">,
): Promise<WriteBackRow | null> {
  const [created] = await db
    .insert(writeBacks)
    .values({ ...row, id: createId("writeBack"), organizationId })
    .onConflictDoNothing()
    .returning();
  return created ?? null;
}

/**
 * Moves a ledger row only if it is still in `from` (compare-and-set), so two workers cannot both act
 * on the same state. Returns the updated row, or null when someone else moved it first.
 */
export async function transitionWriteBack(
  db: Db,
  organizationId: Id<"organization">,
  id: Id<"writeBack">,
  from: WriteBackLedgerState,
  changes: Partial<Pick<WriteBackRow, "state" | "epicDocumentReferenceId" | "attempts" | "lastErrorCode" | "sentAt">>,
): Promise<WriteBackRow | null> {
  const [row] = await db
    .update(writeBacks)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(writeBacks.organizationId, organizationId), eq(writeBacks.id, id), eq(writeBacks.state, from)))
    .returning();
  return row ?? null;
}

/** Ledger rows of one patient's encounter in one clinic that also meet `conditions`. */
function selectEncounterWriteBacks(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">, ehrEncounterId: string, ...conditions: SQL[]) {
  return db
    .select()
    .from(writeBacks)
    .where(and(eq(writeBacks.organizationId, organizationId), eq(writeBacks.patientId, patientId), eq(writeBacks.ehrEncounterId, ehrEncounterId), ...conditions));
}

export async function findOpenWriteBack(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">, ehrEncounterId: string): Promise<WriteBackRow | null> {
  const [row] = await selectEncounterWriteBacks(db, organizationId, patientId, ehrEncounterId, inArray(writeBacks.state, [...openWriteBackStates])).limit(1);
  return row ?? null;
}

/** The newest write Epic holds for this patient and encounter (confirmed or reconciled). */
export async function findLastSettledWriteBack(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">, ehrEncounterId: string): Promise<WriteBackRow | null> {
  const [row] = await selectEncounterWriteBacks(
    db,
    organizationId,
    patientId,
    ehrEncounterId,
    inArray(writeBacks.state, ["confirmed", "reconciled"]),
    isNotNull(writeBacks.epicDocumentReferenceId),
  )
    .orderBy(desc(writeBacks.updatedAt), desc(writeBacks.id))
    .limit(1);
  return row ?? null;
}

/**
 * Ledger rows started for a patient since `since` that may have put a note in Epic (every state
 * but `failed`, which means Epic refused it or was proven not to hold it), for the daily cap.
 */
export async function countLiveWriteBacksSince(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(writeBacks)
    .where(and(eq(writeBacks.organizationId, organizationId), eq(writeBacks.patientId, patientId), gte(writeBacks.createdAt, since), ne(writeBacks.state, "failed")));
  return row?.n ?? 0;
}

/** Whether Epic holds (confirmed or reconciled) this appointment's prep sheet of `version` or a later one. */
export async function hasSettledWriteBackFromVersion(db: Db, organizationId: Id<"organization">, appointmentId: Id<"appointment">, version: number): Promise<boolean> {
  const [row] = await db
    .select({ id: writeBacks.id })
    .from(writeBacks)
    .innerJoin(prepSheets, and(eq(prepSheets.organizationId, writeBacks.organizationId), eq(prepSheets.id, writeBacks.prepSheetId)))
    .where(
      and(
        eq(writeBacks.organizationId, organizationId),
        inArray(writeBacks.state, ["confirmed", "reconciled"]),
        eq(prepSheets.appointmentId, appointmentId),
        gte(prepSheets.version, version),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function listWriteBacksForPrepSheet(db: Db, organizationId: Id<"organization">, prepSheetId: string): Promise<WriteBackRow[]> {
  return db
    .select()
    .from(writeBacks)
    .where(and(eq(writeBacks.organizationId, organizationId), eq(writeBacks.prepSheetId, prepSheetId)))
    .orderBy(asc(writeBacks.createdAt), asc(writeBacks.id));
}

export async function findWriteBack(db: Db, organizationId: Id<"organization">, id: string): Promise<WriteBackRow | null> {
  const [row] = await db
    .select()
    .from(writeBacks)
    .where(and(eq(writeBacks.organizationId, organizationId), eq(writeBacks.id, id as Id<"writeBack">)))
    .limit(1);
  return row ?? null;
}

/** A patient's stored prep sheets (optionally one appointment), newest first; metadata only, never the model. */
export async function listPrepSheetsOfPatient(
  db: Db,
  organizationId: Id<"organization">,
  patientId: Id<"patient">,
  appointmentId?: Id<"appointment">,
) {
  return db
    .select({ id: prepSheets.id, appointmentId: prepSheets.appointmentId, version: prepSheets.version, status: prepSheets.status, asOf: prepSheets.asOf, generatedAt: prepSheets.generatedAt })
    .from(prepSheets)
    .where(
      and(
        eq(prepSheets.organizationId, organizationId),
        eq(prepSheets.patientId, patientId),
        ...(appointmentId ? [eq(prepSheets.appointmentId, appointmentId)] : []),
      ),
    )
    .orderBy(desc(prepSheets.generatedAt), desc(prepSheets.version));
}

/**
 * A purged prep sheet keeps its row (ids, version, status, dates) because the write-back ledger and
 * audit rows point at it; only the encrypted model goes, and the content hash with it so a sheet
 * generated again for the visit is stored as a new version rather than matched to the purged one.
 */
export const purgedPrepSheetModel = "";
export const purgedPrepSheetHash = "purged";

export function isPrepSheetPurged(row: Pick<PrepSheetRow, "modelEncrypted">): boolean {
  return row.modelEncrypted === purgedPrepSheetModel;
}

/** Retention: drops the content of sheets generated before `before` for visits that also started before it. Returns how many. */
export async function purgePrepSheetContentBefore(db: Db, organizationId: Id<"organization">, before: Date): Promise<number> {
  const pastVisits = db
    .select({ id: appointments.id })
    .from(appointments)
    .where(and(eq(appointments.organizationId, organizationId), lt(appointments.startAt, before)));
  const rows = await db
    .update(prepSheets)
    .set({ modelEncrypted: purgedPrepSheetModel, contentHash: purgedPrepSheetHash })
    .where(
      and(
        eq(prepSheets.organizationId, organizationId),
        lt(prepSheets.generatedAt, before),
        ne(prepSheets.modelEncrypted, purgedPrepSheetModel),
        inArray(prepSheets.appointmentId, pastVisits),
      ),
    )
    .returning({ id: prepSheets.id });
  return rows.length;
}
