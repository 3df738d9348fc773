/** How long a running sync owns its row without renewing it; the owner renews every third of it. */
export const syncRunLeaseMs = 60_000;
/** A row from before leases existed counts as abandoned this long after it started (no pull takes an hour). */
export const legacySyncRunMaxMs = 60 * 60_000;
export const interruptedSyncCode = "interrupted";
export const interruptedSyncReason = "the sync stopped before it finished (its process ended); the next run pulls this again";

export type SyncRunState = { status: string; startedAt: Date; leaseExpiresAt: Date | null; errorCode: string | null; errorReason: string | null };

/** A `running` row whose owner stopped renewing its lease: the process doing it is gone. */
export function isSyncRunAbandoned(run: Pick<SyncRunState, "status" | "startedAt" | "leaseExpiresAt">, now: Date): boolean {
  if (run.status !== "running") return false;
  return run.leaseExpiresAt ? run.leaseExpiresAt < now : run.startedAt.getTime() < now.getTime() - legacySyncRunMaxMs;
}

/**
 * The run as people should see it now: an abandoned `running` row reads as failed (interrupted)
 * before the next sync has ended it in the database, so no page spins on a dead process. Pure.
 */
export function readSyncRunStatus<T extends SyncRunState>(run: T, now: Date): T {
  return isSyncRunAbandoned(run, now) ? { ...run, status: "failed", errorCode: interruptedSyncCode, errorReason: interruptedSyncReason } : run;
}
