import "server-only";
import type { Db } from "@/db/client";
import { expireAbandonedSyncRuns, finishSyncRun, renewSyncRunLease, startSyncRun } from "@/db/queries/sync-runs";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { logger } from "@/lib/log/logger";
import { describeSyncError } from "./describe-sync-error";
import { interruptedSyncCode, interruptedSyncReason, legacySyncRunMaxMs, syncRunLeaseMs } from "./read-sync-run-status";

/** What every pull (a patient's records, a clinic's schedule) is given: where, from whom, by whom. */
export type SyncRunInput = {
  db: Db;
  organizationId: Id<"organization">;
  client: FhirClient;
  /** The user who asked (audited); omitted for cron runs. */
  actorUserId?: string | null;
  now?: () => Date;
  /** Lease of the run's row while it runs (default syncRunLeaseMs; crash tests shorten it). */
  leaseMs?: number;
};

export type BegunSyncRun = {
  syncRunId: Id<"syncRun">;
  /** Stops renewing the lease; call once the run is finished (or failed) in the database. */
  release: () => void;
  /** Ends the row `failed` with the error's plain code and reason and the counts so far. */
  fail: (error: unknown, counts: Record<string, number>) => Promise<void>;
};

/**
 * Records a sync run as `running` under a lease this process renews every third of `leaseMs` until
 * `release`. A process killed mid-sync stops renewing, and the clinic's next sync run (any patient,
 * any process) first ends such abandoned rows `failed` with code `interrupted`, so none stays
 * "running" for ever; the patient's cursor never moved, so its next pull asks for the same data.
 */
export async function beginSyncRun(
  db: Db,
  organizationId: Id<"organization">,
  run: Omit<Parameters<typeof startSyncRun>[2], "leaseExpiresAt">,
  options: { now: () => Date; leaseMs?: number },
): Promise<BegunSyncRun> {
  const leaseMs = options.leaseMs ?? syncRunLeaseMs;
  const now = options.now();
  // Best effort: a pull never fails because ending someone else's abandoned row did (a lock conflict
  // between two pulls sweeping at once); the next pull sweeps again.
  const ended = await expireAbandonedSyncRuns(db, organizationId, {
    now, legacyBefore: new Date(now.getTime() - legacySyncRunMaxMs), errorCode: interruptedSyncCode, errorReason: interruptedSyncReason,
  }).catch((error: unknown) => {
    logger.warn("sync.interrupted_sweep_failed", { organizationId, err: error });
    return [];
  });
  if (ended.length > 0) logger.warn("sync.runs_interrupted", { organizationId, syncRunIds: ended });
  const syncRunId = await startSyncRun(db, organizationId, { ...run, leaseExpiresAt: new Date(run.startedAt.getTime() + leaseMs) });
  const timer = setInterval(() => {
    renewSyncRunLease(db, organizationId, syncRunId, new Date(options.now().getTime() + leaseMs)).catch(() => {
      // A missed renewal only shortens the lease; the next one (or the finish) sets it right.
    });
  }, Math.max(50, Math.floor(leaseMs / 3)));
  timer.unref();
  const fail = async (error: unknown, counts: Record<string, number>) => {
    const { code, reason } = describeSyncError(error);
    await finishSyncRun(db, organizationId, syncRunId, { status: "failed", counts, errorCode: code, errorReason: reason, finishedAt: options.now() });
  };
  return { syncRunId, release: () => clearInterval(timer), fail };
}
