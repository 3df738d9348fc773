import { readSyncRunStatus } from "@/lib/sync/read-sync-run-status";

/** Why a prep sheet is older than the visit's latest attempt to refresh it, for people. */
export type RefreshFailure = {
  /** When the sheet that is still shown was built (ISO instant). */
  since: string;
  /** Plain words, no codes: what Epic did and when we stopped trying. */
  reason: string;
};

const plainByCode: Record<string, string> = {
  ehr_unavailable: "Epic did not answer",
  rate_limited: "Epic asked us to slow down",
  reconnect_needed: "the Epic connection needs reconnecting",
  ehr_rejected: "Epic refused the request",
  misconfigured: "the clinic's Epic settings need attention",
  not_found: "Epic no longer has this patient",
  interrupted: "the refresh was interrupted (the server doing it stopped); the next run tries again",
};

/**
 * A stored sync failure (code and PHI-free reason from describeSyncError) in plain words: what went
 * wrong, and the "gave up after N tries over S s (… time budget spent)" tail when the transport
 * wrote one.
 */
export function describeSyncFailure(code: string | null, reason: string | null): string {
  const what = plainByCode[code ?? ""] ?? "the refresh failed";
  const status = reason?.match(/HTTP (\d{3})/)?.[1];
  const gaveUp = reason?.match(/gave up after [^;)]*\)?/)?.[0];
  return [what + (status ? ` (HTTP ${status})` : ""), gaveUp].filter(Boolean).join("; ");
}

/**
 * A sheet is "not refreshed" when the patient's latest sync failed after the sheet was built: the
 * sheet stays usable (and sendable), and people see its age and why it is not newer.
 */
export function describeRefreshFailure(input: {
  sheetGeneratedAt: Date;
  lastSync: { status: string; startedAt: Date; errorCode: string | null; errorReason: string | null; leaseExpiresAt?: Date | null } | null;
  /** With it, a sync whose process died (lease lapsed) counts as failed before the next sync ends its row. */
  now?: Date;
}): RefreshFailure | null {
  const lastSync = input.lastSync && input.now ? readSyncRunStatus({ ...input.lastSync, leaseExpiresAt: input.lastSync.leaseExpiresAt ?? null }, input.now) : input.lastSync;
  if (!lastSync || lastSync.status !== "failed" || lastSync.startedAt <= input.sheetGeneratedAt) return null;
  return { since: input.sheetGeneratedAt.toISOString(), reason: describeSyncFailure(lastSync.errorCode, lastSync.errorReason) };
}
