import "server-only";
import type { Db } from "@/db/client";
import { findPrepSheet } from "@/db/queries/prep-sheets";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { checkClinicRateLimit, rateLimitRules } from "@/lib/security/check-rate-limit";
import { sendPrepSheetToEhr } from "@/lib/writeback/send-prep-sheet-to-ehr";
import type { WritePrepSheetResult } from "@/lib/writeback/write-prep-sheet-to-ehr";
import { gateOutdatedPrepSheetSend, type OutdatedSendRefusal } from "./gate-outdated-prep-sheet-send";

/**
 * "Send to Epic" by a person (prep sheet page, schedule row): a sheet whose inputs changed since it
 * was made, or that a newer version replaced, is refused with the reasons unless `confirmOutdated`
 * (then the confirmation is audited and the send goes on). Jobs that write the sheet they just
 * generated call sendPrepSheetToEhr / writePrepSheetToEhr directly.
 */
export async function sendPrepSheetIfCurrent(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; prepSheetId: string; confirmOutdated: boolean },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
): Promise<WritePrepSheetResult | OutdatedSendRefusal> {
  // The clinic-wide limit comes first, so probing unknown or other clinics' ids spends it too.
  await checkClinicRateLimit(db, rateLimitRules.writeBackPerClinic, input.organizationId);
  const row = await findPrepSheet(db, input.organizationId, input.prepSheetId);
  if (!row) throw new AppError("not_found", "prep sheet not found in this clinic");
  const refusal = await gateOutdatedPrepSheetSend(db, {
    organizationId: input.organizationId,
    row,
    confirmed: input.confirmOutdated,
    audit: { ...audit, organizationId: input.organizationId, actorUserId: input.userId },
  });
  if (refusal) return refusal;
  return sendPrepSheetToEhr(db, { organizationId: input.organizationId, userId: input.userId, prepSheetId: input.prepSheetId });
}
