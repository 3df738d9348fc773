import "server-only";
import type { Db } from "@/db/client";
import { listLatestSyncForPrepSheets } from "@/db/queries/sync-runs";
import type { Id } from "@/lib/ids";
import { describeRefreshFailure, type RefreshFailure } from "./describe-refresh-failure";

/** Prep sheets (of those given) whose patient could not be re-synced since the sheet was built. */
export async function findRefreshFailures(db: Db, organizationId: Id<"organization">, prepSheetIds: string[], now = new Date()): Promise<Map<string, RefreshFailure>> {
  const failures = new Map<string, RefreshFailure>();
  for (const entry of await listLatestSyncForPrepSheets(db, organizationId, prepSheetIds)) {
    const failure = describeRefreshFailure({ ...entry, now });
    if (failure) failures.set(entry.prepSheetId, failure);
  }
  return failures;
}
