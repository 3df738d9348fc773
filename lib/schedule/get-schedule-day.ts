import "server-only";
import type { Db } from "@/db/client";
import { listPrepFailureReasons, listScheduleRows } from "@/db/queries/schedule";
import type { Id } from "@/lib/ids";
import type { RefreshFailure } from "@/lib/prep-sheet-data/describe-refresh-failure";
import { findRefreshFailures } from "@/lib/prep-sheet-data/find-refresh-failures";
import { clinicDayRange } from "@/lib/sync/clinic-day-range";
import { readSyncRunStatus } from "@/lib/sync/read-sync-run-status";
import { findLatestScheduleSync } from "./find-latest-schedule-sync";
import { isVisitInScope } from "./resolve-schedule-scope";

export type ScheduleRow = {
  appointmentId: string;
  patientId: string;
  ehrPatientId: string;
  startAt: string;
  visitType: string | null;
  appointmentStatus: string;
  prepStatus: string;
  /** The newest stored prep sheet for the appointment, if any. */
  prepSheetId: string | null;
  /** `failedReason`: the newest failed document's machine code (describeDocumentFailure words it). */
  documents: { total: number; done: number; failed: number; pages: number; failedReason: string | null };
  /** Why the last prep attempt failed (PHI-free job error text), for "Failed" rows. */
  prepError: string | null;
  /** Set when the patient's latest re-sync failed after the shown sheet was built: the sheet stays usable. */
  refreshFailed: RefreshFailure | null;
};

export type ScheduleDay = {
  date: string;
  rows: ScheduleRow[];
  sync: { status: "never" | "running" | "succeeded" | "partial" | "failed"; at: string | null; error: string | null };
};

/**
 * One clinic day (clinic-local date) with prep and document progress. Ids and statuses only: names
 * come from Epic when the page renders (see loadPatientNames), never from our database.
 */
export async function getScheduleDay(
  db: Db,
  input: { organizationId: Id<"organization">; timeZone: string; date: string; /** "Me": that Epic practitioner's visits (null: a user with none, so no visits). */ practitionerId?: string | null; now?: Date },
): Promise<ScheduleDay> {
  const now = input.now ?? new Date();
  const range = clinicDayRange(input.timeZone, input.date, 1);
  const allRows = await listScheduleRows(db, input.organizationId, range);
  const rows = allRows.filter((r) => isVisitInScope(r.ehrPractitionerId, input.practitionerId));
  // Only failed rows need a reason, so a healthy day costs no extra query.
  const failures = await listPrepFailureReasons(db, input.organizationId, rows.filter((r) => r.prepStatus === "failed").map((r) => r.appointmentId));
  // A sync whose process died reads as failed, so the page does not say "Syncing…" for ever.
  const latest = await findLatestScheduleSync(db, input.organizationId);
  const lastRun = latest && readSyncRunStatus(latest, now);
  const sheetIds = rows.filter((r) => r.prepSheetId && (r.prepStatus === "ready" || r.prepStatus === "needs_review")).map((r) => r.prepSheetId!);
  const stale = await findRefreshFailures(db, input.organizationId, sheetIds, now);
  return {
    date: input.date,
    rows: rows.map((r) => ({
      appointmentId: r.appointmentId,
      patientId: r.patientId,
      ehrPatientId: r.ehrPatientId,
      startAt: r.startAt.toISOString(),
      visitType: r.visitType,
      appointmentStatus: r.status,
      prepStatus: r.prepStatus,
      prepSheetId: r.prepSheetId,
      documents: r.documents,
      prepError: r.prepStatus === "failed" ? (failures.get(r.appointmentId) ?? null) : null,
      refreshFailed: r.prepSheetId ? (stale.get(r.prepSheetId) ?? null) : null,
    })),
    sync: lastRun
      ? { status: lastRun.status, at: (lastRun.finishedAt ?? lastRun.startedAt).toISOString(), error: lastRun.errorReason ?? null }
      : { status: "never", at: null, error: null },
  };
}
