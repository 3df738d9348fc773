import "server-only";
import type { Db } from "@/db/client";
import { findOrganizationById, updateOrganizationRow } from "@/db/queries/organizations";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";

/** Platform console: rename a clinic or change its time zone. Audited with field names, not values. */
export async function updateOrganization(
  db: Db,
  input: { organizationId: Id<"organization">; name: string; timeZone: string },
  audit: AuditContext,
) {
  return db.transaction(async (tx) => {
    const current = await findOrganizationById(tx, input.organizationId);
    if (!current) throw new AppError("not_found", "organization not found");
    const fields = (["name", "timeZone"] as const).filter((f) => current[f] !== input[f]);
    if (fields.length === 0) return current;
    const updated = await updateOrganizationRow(tx, current.id, { name: input.name, timeZone: input.timeZone });
    await recordAuditEvent(tx, { ...audit, organizationId: current.id }, {
      action: "organization.updated",
      targetType: "organization",
      targetIds: [current.id],
      metadata: { fields: [...fields], ...(fields.includes("timeZone") ? { previousTimeZone: current.timeZone, timeZone: input.timeZone } : {}) },
    });
    return updated!;
  });
}
