import "server-only";
import type { Db } from "@/db/client";
import { findEhrToken } from "@/db/queries/ehr-connections";
import { dispatchEvents } from "@/lib/jobs/dispatch-event";
import { scheduleSyncRequested } from "@/lib/jobs/events";
import type { Id } from "@/lib/ids";
import { isSyncRunAbandoned } from "@/lib/sync/read-sync-run-status";
import { findLatestScheduleSync } from "./find-latest-schedule-sync";

const freshForMs = 10 * 60_000;
const runningForMs = 5 * 60_000;

/**
 * Opening the schedule (or "Sync now") pulls the day from Epic unless a sync is running or just
 * finished. The user's own Epic connection is used when they have one, else Backend Services.
 */
export async function requestScheduleSync(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; date: string; force?: boolean; now?: Date },
): Promise<{ requested: boolean; reason: string }> {
  const now = (input.now ?? new Date()).getTime();
  const last = await findLatestScheduleSync(db, input.organizationId);
  // A running sync whose process died (lease lapsed) is not waited for.
  if (last?.status === "running" && now - last.startedAt.getTime() < runningForMs && !isSyncRunAbandoned(last, new Date(now))) return { requested: false, reason: "running" };
  if (!input.force && last && last.status !== "failed" && last.finishedAt && now - last.finishedAt.getTime() < freshForMs) {
    return { requested: false, reason: "fresh" };
  }
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  await dispatchEvents(
    scheduleSyncRequested.create({
      organizationId: input.organizationId,
      date: input.date,
      ...(token?.status === "active" ? { requestedBy: input.userId } : {}),
    }),
  );
  return { requested: true, reason: "requested" };
}
