import "server-only";
import type { Db } from "@/db/client";
import type { PrepSheetRow } from "@/db/queries/prep-sheets";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import type { Id } from "@/lib/ids";
import { describePrepSheetFreshness, isPrepSheetOutdated, type PrepSheetFreshness } from "@/lib/prep-sheet/decide-prep-sheet-freshness";
import { checkPrepSheetFreshness } from "./check-prep-sheet-freshness";

export type OutdatedSendRefusal = { outcome: "outdated"; reasons: string[]; supersededBy: PrepSheetFreshness["supersededBy"] };

/**
 * A stale or superseded sheet reaches Epic only after a person confirms it, and that confirmation is
 * audited (which version, what had changed). Returns the refusal to show, or null to go on.
 */
export async function gateOutdatedPrepSheetSend(
  db: Db,
  input: {
    organizationId: Id<"organization">;
    row: Pick<PrepSheetRow, "id" | "version" | "appointmentId" | "patientId" | "inputsFingerprint">;
    confirmed: boolean;
    audit: AuditContext;
  },
): Promise<OutdatedSendRefusal | null> {
  const freshness = await checkPrepSheetFreshness(db, { organizationId: input.organizationId, row: input.row });
  if (!isPrepSheetOutdated(freshness)) return null;
  if (!input.confirmed) return { outcome: "outdated", reasons: describePrepSheetFreshness(freshness), supersededBy: freshness.supersededBy };
  await recordAuditEvent(db, input.audit, {
    action: "prep_sheet.outdated_send_confirmed",
    targetType: "prep_sheet",
    targetIds: [input.row.id],
    metadata: {
      patientId: input.row.patientId,
      version: input.row.version,
      newerVersion: freshness.supersededBy?.version ?? null,
      changed: freshness.changed,
    },
  });
  return null;
}
