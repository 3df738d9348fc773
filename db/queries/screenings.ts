import { and, asc, eq, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { Id } from "@/lib/ids";
import type { Db } from "../client";
import { patients, screeningResults, screeningReviews, screeningTypes, users } from "../schema";

export type ScreeningTypeRow = typeof screeningTypes.$inferSelect;
export type ScreeningResultRow = typeof screeningResults.$inferSelect;
export type ScreeningReviewRow = typeof screeningReviews.$inferSelect;
type NewScreeningType = Omit<typeof screeningTypes.$inferInsert, "organizationId" | "createdAt" | "updatedAt">;
type NewScreeningResult = Omit<typeof screeningResults.$inferInsert, "organizationId">;
type NewScreeningReview = Omit<typeof screeningReviews.$inferInsert, "organizationId">;

export async function listScreeningTypes(db: Db, organizationId: Id<"organization">, options: { activeOnly?: boolean } = {}): Promise<ScreeningTypeRow[]> {
  const scope = eq(screeningTypes.organizationId, organizationId);
  return db
    .select()
    .from(screeningTypes)
    .where(options.activeOnly ? and(scope, eq(screeningTypes.active, true)) : scope)
    .orderBy(asc(screeningTypes.key));
}

export async function findScreeningTypeByKey(db: Db, organizationId: Id<"organization">, key: string): Promise<ScreeningTypeRow | null> {
  const [row] = await db
    .select()
    .from(screeningTypes)
    .where(and(eq(screeningTypes.organizationId, organizationId), eq(screeningTypes.key, key)))
    .limit(1);
  return row ?? null;
}

export async function findScreeningTypeById(db: Db, organizationId: Id<"organization">, id: string): Promise<ScreeningTypeRow | null> {
  const [row] = await db
    .select()
    .from(screeningTypes)
    .where(and(eq(screeningTypes.organizationId, organizationId), eq(screeningTypes.id, id as Id<"screeningType">)))
    .limit(1);
  return row ?? null;
}

/** Inserts a type unless the clinic already has its key; returns the new row or null. */
export async function insertScreeningType(db: Db, organizationId: Id<"organization">, row: NewScreeningType): Promise<ScreeningTypeRow | null> {
  const [inserted] = await db
    .insert(screeningTypes)
    .values({ ...row, organizationId })
    .onConflictDoNothing({ target: [screeningTypes.organizationId, screeningTypes.key] })
    .returning();
  return inserted ?? null;
}

export async function updateScreeningType(
  db: Db,
  organizationId: Id<"organization">,
  id: Id<"screeningType">,
  changes: Partial<Omit<NewScreeningType, "id" | "key">>,
): Promise<ScreeningTypeRow | null> {
  const [row] = await db
    .update(screeningTypes)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(screeningTypes.organizationId, organizationId), eq(screeningTypes.id, id)))
    .returning();
  return row ?? null;
}

export async function listScreeningResults(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">): Promise<ScreeningResultRow[]> {
  return db
    .select()
    .from(screeningResults)
    .where(and(eq(screeningResults.organizationId, organizationId), eq(screeningResults.patientId, patientId)))
    .orderBy(asc(screeningResults.screeningTypeKey));
}

/** One row per (patient, type): a new evaluation replaces the previous one. */
export async function upsertScreeningResult(db: Db, organizationId: Id<"organization">, row: NewScreeningResult): Promise<void> {
  const { id: _id, patientId: _p, screeningTypeId: _t, ...changes } = row;
  await db
    .insert(screeningResults)
    .values({ ...row, organizationId })
    .onConflictDoUpdate({
      target: [screeningResults.organizationId, screeningResults.patientId, screeningResults.screeningTypeId],
      set: changes,
    });
}

/** Drops a patient's results for types no longer evaluated (deactivated or removed). */
export async function deleteScreeningResultsExcept(
  db: Db,
  organizationId: Id<"organization">,
  patientId: Id<"patient">,
  keepTypeIds: readonly Id<"screeningType">[],
): Promise<number> {
  const scope = and(eq(screeningResults.organizationId, organizationId), eq(screeningResults.patientId, patientId));
  const rows = await db
    .delete(screeningResults)
    .where(keepTypeIds.length > 0 ? and(scope, notInArray(screeningResults.screeningTypeId, [...keepTypeIds])) : scope)
    .returning({ id: screeningResults.id });
  return rows.length;
}

export async function listScreeningReviews(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">): Promise<ScreeningReviewRow[]> {
  return db
    .select()
    .from(screeningReviews)
    .where(and(eq(screeningReviews.organizationId, organizationId), eq(screeningReviews.patientId, patientId)))
    .orderBy(asc(screeningReviews.screeningTypeKey), asc(screeningReviews.evidenceId));
}

/** The clinician's current decision for an item; a later decision replaces an earlier one. */
export async function upsertScreeningReview(db: Db, organizationId: Id<"organization">, row: NewScreeningReview): Promise<ScreeningReviewRow> {
  const [saved] = await db
    .insert(screeningReviews)
    .values({ ...row, organizationId })
    .onConflictDoUpdate({
      target: [screeningReviews.organizationId, screeningReviews.patientId, screeningReviews.screeningTypeKey, screeningReviews.evidenceId],
      set: { decision: row.decision, confirmedDate: row.confirmedDate ?? null, decidedBy: row.decidedBy ?? null, decidedAt: row.decidedAt },
    })
    .returning();
  return saved!;
}

/**
 * Retention: deletes screening results evaluated before `before` of patients not on a synced
 * schedule since then (the patients whose cached clinical data the purge drops). A patient still on
 * the schedule keeps their current answer. Clinician review decisions stay: they hold ids and dates,
 * no text, and must still apply when the patient comes back.
 */
export async function purgeStaleScreeningResults(db: Db, organizationId: Id<"organization">, before: Date): Promise<number> {
  const stale = db
    .select({ id: patients.id })
    .from(patients)
    .where(and(eq(patients.organizationId, organizationId), sql`coalesce(${patients.lastScheduledAt}, ${patients.createdAt}) < ${before}`));
  const rows = await db
    .delete(screeningResults)
    .where(and(eq(screeningResults.organizationId, organizationId), lt(screeningResults.evaluatedAt, before), inArray(screeningResults.patientId, stale)))
    .returning({ id: screeningResults.id });
  return rows.length;
}

/** A patient's review decisions with who made them (name or email), for the patient page. */
export async function listScreeningReviewsWithDeciders(db: Db, organizationId: Id<"organization">, patientId: Id<"patient">) {
  return db
    .select({
      screeningTypeKey: screeningReviews.screeningTypeKey,
      evidenceId: screeningReviews.evidenceId,
      decision: screeningReviews.decision,
      confirmedDate: screeningReviews.confirmedDate,
      decidedAt: screeningReviews.decidedAt,
      decidedByName: users.name,
      decidedByEmail: users.email,
    })
    .from(screeningReviews)
    .leftJoin(users, eq(users.id, screeningReviews.decidedBy))
    .where(and(eq(screeningReviews.organizationId, organizationId), eq(screeningReviews.patientId, patientId)));
}

/** Removes a decision (undo); returns it as it was, or null when there was none. */
export async function deleteScreeningReview(
  db: Db,
  organizationId: Id<"organization">,
  key: { patientId: Id<"patient">; screeningTypeKey: string; evidenceId: string },
): Promise<ScreeningReviewRow | null> {
  const [row] = await db
    .delete(screeningReviews)
    .where(
      and(
        eq(screeningReviews.organizationId, organizationId),
        eq(screeningReviews.patientId, key.patientId),
        eq(screeningReviews.screeningTypeKey, key.screeningTypeKey),
        eq(screeningReviews.evidenceId, key.evidenceId),
      ),
    )
    .returning();
  return row ?? null;
}
