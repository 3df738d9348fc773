import "server-only";
import { cache } from "react";
import type { Db } from "@/db/client";
import { findLatestSyncRun, type SyncRunRow } from "@/db/queries/sync-runs";
import type { Id } from "@/lib/ids";

/**
 * The clinic's newest schedule sync run. Opening the schedule asks twice (may it start a sync? what
 * does the day say?); within one server render that is one read (React cache), elsewhere a plain read.
 */
export const findLatestScheduleSync = cache((db: Db, organizationId: Id<"organization">): Promise<SyncRunRow | null> => findLatestSyncRun(db, organizationId, "schedule"));
