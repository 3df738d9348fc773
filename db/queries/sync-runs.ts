import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { createId, type Id } from "@/lib/ids";
import type { Db } from "../client";
import { definePreparedQuery } from "../prepared-query";
import { prepSheets, syncRuns, type SyncRunStatus } from "../schema";

export type SyncRunRow = typeof syncRuns.$inferSelect;

export async function startSyncRun(
  db: Db,
  organizationId: Id<"organization">,
  run: Pick<typeof syncRuns.$inferInsert, "kind" | "mode" | "patientId" | "triggeredBy" | "rangeStart" | "rangeEnd" | "startedAt" | "leaseExpiresAt">,
): Promise<Id<"syncRun">> {
  const id = createId("syncRun");
  await db.insert(syncRuns).values({ id, organizationId, ...run, status: "running" });
  return id;
}

export async function finishSyncRun(
  db: Db,
  organizationId: Id<"organization">,
  id: Id<"syncRun">,
  outcome: { status: Exclude<SyncRunStatus, "running">; counts: Record<string, number>; errorCode?: string | null; errorReason?: string | null; finishedAt: Date },
): Promise<void> {
  await db
    .update(syncRuns)
    .set({
      status: outcome.status,
      counts: outcome.counts,
      errorCode: outcome.errorCode ?? null,
      errorReason: outcome.errorReason?.slice(0, 500) ?? null,
      finishedAt: outcome.finishedAt,
    })
    .where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.id, id)));
}

/** The owner is alive: the run stays its own until `until`. Only a running row is renewed. */
export async function renewSyncRunLease(db: Db, organizationId: Id<"organization">, id: Id<"syncRun">, until: Date): Promise<void> {
  await db
    .update(syncRuns)
    .set({ leaseExpiresAt: until })
    .where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.id, id), eq(syncRuns.status, "running")));
}

/**
 * Ends the clinic's runs whose process stopped renewing the lease (killed, crashed) as `failed`,
 * with `errorCode`/`errorReason` saying so. Rows from before leases existed end once `legacyBefore`
 * passed their start. Returns the ids ended.
 */
export async function expireAbandonedSyncRuns(
  db: Db,
  organizationId: Id<"organization">,
  outcome: { now: Date; legacyBefore: Date; errorCode: string; errorReason: string },
): Promise<Id<"syncRun">[]> {
  const rows = await db
    .update(syncRuns)
    .set({ status: "failed", errorCode: outcome.errorCode, errorReason: outcome.errorReason, finishedAt: sql`coalesce(${syncRuns.leaseExpiresAt}, ${outcome.now})` })
    .where(and(
      eq(syncRuns.organizationId, organizationId),
      eq(syncRuns.status, "running"),
      or(lt(syncRuns.leaseExpiresAt, outcome.now), and(isNull(syncRuns.leaseExpiresAt), lt(syncRuns.startedAt, outcome.legacyBefore))),
    ))
    .returning({ id: syncRuns.id });
  return rows.map((r) => r.id);
}

export async function findSyncRun(db: Db, organizationId: Id<"organization">, id: string): Promise<SyncRunRow | null> {
  const [row] = await db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.id, id as Id<"syncRun">)))
    .limit(1);
  return row ?? null;
}

export async function listSyncRuns(
  db: Db,
  organizationId: Id<"organization">,
  filter: { kind?: SyncRunRow["kind"]; patientId?: Id<"patient">; limit?: number } = {},
): Promise<SyncRunRow[]> {
  const where = [eq(syncRuns.organizationId, organizationId)];
  if (filter.kind) where.push(eq(syncRuns.kind, filter.kind));
  if (filter.patientId) where.push(eq(syncRuns.patientId, filter.patientId));
  return db
    .select()
    .from(syncRuns)
    .where(and(...where))
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(filter.limit ?? 50);
}

const latestSyncRun = definePreparedQuery("find_latest_sync_run", (db) =>
  db
    .select()
    .from(syncRuns)
    .where(and(eq(syncRuns.organizationId, sql.placeholder("organizationId")), eq(syncRuns.kind, sql.placeholder("kind"))))
    .orderBy(desc(syncRuns.startedAt), desc(syncRuns.id))
    .limit(1),
);

/** The clinic's newest run of one kind (the schedule page asks on every load and poll). */
export async function findLatestSyncRun(db: Db, organizationId: Id<"organization">, kind: SyncRunRow["kind"]): Promise<SyncRunRow | null> {
  const [row] = await latestSyncRun(db).execute({ organizationId, kind });
  return row ?? null;
}

/**
 * For each given prep sheet: when it was built and its patient's latest patient sync run, in one
 * statement (a lateral newest-run lookup per sheet on the (organization, patient, started_at)
 * index: sync_runs gains rows with every pull, and sorting a patient's whole history made this the
 * schedule's costliest query after a few months). The schedule and prep sheet pages mark a sheet
 * "not refreshed" from this (describeRefreshFailure).
 */
const latestSyncForPrepSheets = definePreparedQuery("list_latest_sync_for_prep_sheets", (db) => {
  const organizationId = sql.placeholder("organizationId");
  const latest = db
    .select({ status: syncRuns.status, startedAt: syncRuns.startedAt, errorCode: syncRuns.errorCode, errorReason: syncRuns.errorReason, leaseExpiresAt: syncRuns.leaseExpiresAt })
    .from(syncRuns)
    .where(and(eq(syncRuns.organizationId, organizationId), eq(syncRuns.patientId, prepSheets.patientId), eq(syncRuns.kind, "patient")))
    .orderBy(desc(syncRuns.startedAt))
    .limit(1)
    .as("latest_sync");
  return db
    .select({
      prepSheetId: prepSheets.id,
      sheetGeneratedAt: prepSheets.generatedAt,
      status: latest.status,
      startedAt: latest.startedAt,
      errorCode: latest.errorCode,
      errorReason: latest.errorReason,
      leaseExpiresAt: latest.leaseExpiresAt,
    })
    .from(prepSheets)
    .leftJoinLateral(latest, sql`true`)
    .where(and(eq(prepSheets.organizationId, organizationId), sql`${prepSheets.id} = any(${sql.placeholder("prepSheetIds")}::text[])`));
});

export async function listLatestSyncForPrepSheets(db: Db, organizationId: Id<"organization">, prepSheetIds: string[]) {
  if (prepSheetIds.length === 0) return [];
  const rows = await latestSyncForPrepSheets(db).execute({ organizationId, prepSheetIds });
  return rows.map(({ prepSheetId, sheetGeneratedAt, status, startedAt, errorCode, errorReason, leaseExpiresAt }) => ({
    prepSheetId,
    sheetGeneratedAt,
    lastSync: status && startedAt ? { status, startedAt, errorCode, errorReason, leaseExpiresAt } : null,
  }));
}
