import "server-only";
import type { Db } from "@/db/client";
import { listWriteBacksForPrepSheet } from "@/db/queries/prep-sheets";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Id } from "@/lib/ids";
import type { PrepSheet } from "@/lib/prep-sheet";
import type { PrepSheetFreshness } from "@/lib/prep-sheet/decide-prep-sheet-freshness";
import { checkPrepSheetFreshness } from "./check-prep-sheet-freshness";
import type { RefreshFailure } from "./describe-refresh-failure";
import { findRefreshFailures } from "./find-refresh-failures";
import { listPrepSheetVersions, type PrepSheetVersion } from "./list-prep-sheet-versions";
import { loadPrepSheet, type LoadedPrepSheet } from "./load-prep-sheet";

export type PrepSheetWriteBackView = { id: string; state: string; epicId: string | null; attempts: number; lastError: string | null; updatedAt: string };

export type PrepSheetView = {
  row: LoadedPrepSheet["row"];
  sheet: PrepSheet;
  /** Every version for the same appointment, newest first. */
  versions: PrepSheetVersion[];
  /** This sheet's write-back ledger rows, newest first. */
  writeBacks: PrepSheetWriteBackView[];
  /** Set when the patient's latest re-sync failed after this sheet was built. */
  refreshFailed: RefreshFailure | null;
  /** Whether a newer version exists and which inputs changed since this one was made. */
  freshness: PrepSheetFreshness;
};

/** The prep sheet page: the decrypted sheet, its versions and write-back ledger; audited as `prep_sheet.viewed`. */
export async function getPrepSheetView(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; prepSheetId: string },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<PrepSheetView> {
  const { row, sheet } = await loadPrepSheet(db, input);
  const [versions, ledger, stale, freshness] = await Promise.all([
    listPrepSheetVersions(db, { organizationId: input.organizationId, patientId: row.patientId, appointmentId: row.appointmentId }),
    listWriteBacksForPrepSheet(db, input.organizationId, row.id),
    findRefreshFailures(db, input.organizationId, [row.id]),
    checkPrepSheetFreshness(db, { organizationId: input.organizationId, row }),
  ]);
  await recordAuditEvent(db, { ...audit, actorUserId: input.userId, organizationId: input.organizationId }, {
    action: "prep_sheet.viewed",
    targetType: "prep_sheet",
    targetIds: [row.id],
    metadata: { patientId: row.patientId, version: row.version },
  });
  const writeBacks = ledger
    .map((w) => ({ id: w.id, state: w.state, epicId: w.epicDocumentReferenceId, attempts: w.attempts, lastError: w.lastErrorCode, updatedAt: w.updatedAt.toISOString() }))
    .reverse();
  return { row, sheet, versions, writeBacks, refreshFailed: stale.get(row.id) ?? null, freshness };
}
