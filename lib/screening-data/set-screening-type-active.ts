import "server-only";
import type { Db } from "@/db/client";
import { findScreeningTypeById, updateScreeningType } from "@/db/queries/screenings";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";

/**
 * Turns a type on or off for this clinic. Inactive types are not evaluated; their results drop out
 * the next time a patient is screened. The definition and version stay as they are. Audited.
 */
export async function setScreeningTypeActive(
  db: Db,
  input: { organizationId: Id<"organization">; actorUserId: string | null; screeningTypeId: string; active: boolean },
  meta: Pick<AuditContext, "ip" | "userAgent"> = {},
): Promise<{ id: Id<"screeningType">; active: boolean; changed: boolean }> {
  return db.transaction(async (tx) => {
    const row = await findScreeningTypeById(tx, input.organizationId, input.screeningTypeId);
    if (!row) throw new AppError("not_found", "screening type not found");
    if (row.active === input.active) return { id: row.id, active: row.active, changed: false };
    await updateScreeningType(tx, input.organizationId, row.id, { active: input.active });
    await recordAuditEvent(tx, { actorUserId: input.actorUserId, organizationId: input.organizationId, ...meta }, {
      action: input.active ? "screening_type.activated" : "screening_type.deactivated",
      targetType: "screening_type", targetIds: [row.id], metadata: { key: row.key, version: row.version },
    });
    return { id: row.id, active: input.active, changed: true };
  });
}
