/**
 * Whether a prep sheet should be written to Epic at all, before a ledger row exists. Order matters:
 * an unresolved earlier write must settle first (two creates must never race), then unchanged
 * content writes nothing, then a sheet Epic already holds or has a newer version of writes nothing
 * (a replayed job must not file our identifier twice, nor older content over newer), then the
 * per-patient daily cap, then the clinic's dry-run switch.
 */
export type WriteBackStartInput = {
  contentHash: string;
  /** The last write for this patient and encounter that Epic holds (confirmed or reconciled). */
  lastConfirmed: { contentHash: string; epicId: string } | null;
  /** A non-terminal ledger row exists for this patient and encounter. */
  hasUnsettledWrite: boolean;
  /** Epic holds this sheet or a later version of it for the same appointment. */
  supersededInEpic?: boolean;
  /** Writes for this patient today (clinic-local day) that may be in Epic, counted from the ledger. */
  writesToday: number;
  dailyCap?: number;
  dryRun: boolean;
};

export type WriteBackStart =
  | { action: "skip"; reason: "unsettled_write" | "unchanged" | "superseded" | "daily_cap" }
  | { action: "dry_run"; replacesEpicId: string | null }
  | { action: "create"; replacesEpicId: string | null };

export const defaultDailyCap = 10;

export function decideWriteBackStart(input: WriteBackStartInput): WriteBackStart {
  if (input.hasUnsettledWrite) return { action: "skip", reason: "unsettled_write" };
  if (input.lastConfirmed?.contentHash === input.contentHash) return { action: "skip", reason: "unchanged" };
  if (input.supersededInEpic) return { action: "skip", reason: "superseded" };
  if (input.writesToday >= (input.dailyCap ?? defaultDailyCap)) return { action: "skip", reason: "daily_cap" };
  const replacesEpicId = input.lastConfirmed?.epicId ?? null;
  return input.dryRun ? { action: "dry_run", replacesEpicId } : { action: "create", replacesEpicId };
}
