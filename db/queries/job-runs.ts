import { and, desc, eq, gt, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Id } from "@/lib/ids";
import type { Db } from "../client";
import { jobRunSteps, jobRuns, organizations, type JobRunStatus } from "../schema";

export type JobRunRow = typeof jobRuns.$inferSelect;

/** Inserts a run; with an Inngest run id, a second start of the same run (a replayed request) is a no-op. */
export async function insertJobRun(db: Db, row: typeof jobRuns.$inferInsert): Promise<Id<"job">> {
  if (!row.externalRunId) {
    await db.insert(jobRuns).values(row);
    return row.id;
  }
  const [created] = await db.insert(jobRuns).values(row).onConflictDoNothing({ target: jobRuns.externalRunId }).returning({ id: jobRuns.id });
  if (created) return created.id;
  const [existing] = await db.select({ id: jobRuns.id }).from(jobRuns).where(eq(jobRuns.externalRunId, row.externalRunId)).limit(1);
  return existing!.id;
}

export async function findJobRunIdByExternalId(db: Db, externalRunId: string): Promise<Id<"job"> | null> {
  const [row] = await db.select({ id: jobRuns.id }).from(jobRuns).where(eq(jobRuns.externalRunId, externalRunId)).limit(1);
  return row?.id ?? null;
}

/** Finishes a run that is still running; a finished run is never overwritten (Inngest may report twice). */
export async function finishJobRunRow(
  db: Db,
  id: Id<"job">,
  outcome: { status: Exclude<JobRunStatus, "running">; errorMessage: string | null; attempts?: number; finishedAt: Date },
): Promise<void> {
  await db
    .update(jobRuns)
    .set({
      status: outcome.status,
      errorMessage: outcome.errorMessage,
      finishedAt: outcome.finishedAt,
      ...(outcome.attempts ? { attempts: outcome.attempts } : {}),
    })
    .where(and(eq(jobRuns.id, id), eq(jobRuns.status, "running")));
}

export async function setJobRunAttempts(db: Db, id: Id<"job">, attempts: number): Promise<void> {
  await db.update(jobRuns).set({ attempts }).where(and(eq(jobRuns.id, id), eq(jobRuns.status, "running")));
}

export type JobRunFilter = {
  organizationId?: Id<"organization">;
  status?: JobRunStatus;
  limit?: number;
  offset?: number;
};

/** Platform console: newest first, across clinics unless one is given (callers hold platform.jobs.read). */
export async function listJobRuns(db: Db, filter: JobRunFilter = {}) {
  const where: SQL[] = [];
  if (filter.organizationId) where.push(eq(jobRuns.organizationId, filter.organizationId));
  if (filter.status) where.push(eq(jobRuns.status, filter.status));
  return db
    .select({
      run: jobRuns,
      organizationName: organizations.name,
      organizationSlug: organizations.slug,
    })
    .from(jobRuns)
    .leftJoin(organizations, eq(organizations.id, jobRuns.organizationId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(jobRuns.startedAt), desc(jobRuns.id))
    .limit(filter.limit ?? 50)
    .offset(filter.offset ?? 0);
}

export async function findJobRun(db: Db, id: string): Promise<JobRunRow | null> {
  const [row] = await db.select().from(jobRuns).where(eq(jobRuns.id, id as Id<"job">)).limit(1);
  return row ?? null;
}

/** Runs per clinic and status since a time, for the console's summary. */
export async function countJobRunsByClinic(db: Db, since: Date) {
  return db
    .select({
      organizationId: jobRuns.organizationId,
      status: jobRuns.status,
      runs: sql<number>`count(*)::int`,
      avgMs: sql<number | null>`(avg(extract(epoch from (${jobRuns.finishedAt} - ${jobRuns.startedAt}))) * 1000)::int`,
    })
    .from(jobRuns)
    .where(sql`${jobRuns.startedAt} >= ${since.toISOString()}::timestamptz`)
    .groupBy(jobRuns.organizationId, jobRuns.status);
}


/** In-process runner: a run of this function with this dedupe key started since `since` (a resumed process must not start it twice). */
export async function findJobRunByDedupeKey(db: Db, functionId: string, dedupeKey: string, since: Date): Promise<Id<"job"> | null> {
  const [row] = await db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(and(eq(jobRuns.functionId, functionId), eq(jobRuns.dedupeKey, dedupeKey), gt(jobRuns.startedAt, since)))
    .limit(1);
  return row?.id ?? null;
}

export async function renewJobRunLeases(db: Db, ids: Id<"job">[], until: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.update(jobRuns).set({ leaseExpiresAt: until }).where(and(inArray(jobRuns.id, ids), eq(jobRuns.status, "running")));
}

/**
 * Takes over in-process runs still `running` whose owner stopped renewing the lease (the process
 * died): each is leased to the caller and its attempt count raised. SKIP LOCKED lets two resuming
 * processes split the runs instead of both taking them.
 */
export async function claimAbandonedJobRuns(db: Db, now: Date, until: Date, limit = 100): Promise<JobRunRow[]> {
  const abandoned = db
    .select({ id: jobRuns.id })
    .from(jobRuns)
    .where(and(eq(jobRuns.status, "running"), isNull(jobRuns.externalRunId), lt(jobRuns.leaseExpiresAt, now)))
    .orderBy(jobRuns.startedAt)
    .limit(limit)
    .for("update", { skipLocked: true });
  return db
    .update(jobRuns)
    .set({ leaseExpiresAt: until, attempts: sql`${jobRuns.attempts} + 1` })
    .where(inArray(jobRuns.id, abandoned))
    .returning();
}

export async function listJobRunSteps(db: Db, jobRunId: Id<"job">): Promise<Array<{ stepId: string; output: unknown }>> {
  return db.select({ stepId: jobRunSteps.stepId, output: jobRunSteps.output }).from(jobRunSteps).where(eq(jobRunSteps.jobRunId, jobRunId));
}

/** A step's output, once: a step replayed after a crash keeps the first stored output. */
export async function insertJobRunStep(db: Db, jobRunId: Id<"job">, stepId: string, output: unknown): Promise<void> {
  await db.insert(jobRunSteps).values({ jobRunId, stepId, output: output === undefined ? null : output }).onConflictDoNothing();
}
