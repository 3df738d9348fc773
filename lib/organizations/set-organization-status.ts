import "server-only";
import type { Db } from "@/db/client";
import { findOrganizationById, updateOrganizationRow } from "@/db/queries/organizations";
import type { organizationStatuses } from "@/db/schema/organizations";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";

/**
 * Suspends or reactivates a clinic. While suspended, resolveOrgAccess refuses its members (pages,
 * routes, actions) and the job run recorder skips its jobs; platform admins can still open it.
 */
export async function setOrganizationStatus(
  db: Db,
  input: { organizationId: Id<"organization">; status: (typeof organizationStatuses)[number] },
  audit: AuditContext,
) {
  return db.transaction(async (tx) => {
    const current = await findOrganizationById(tx, input.organizationId);
    if (!current) throw new AppError("not_found", "organization not found");
    if (current.status === input.status) return current;
    const updated = await updateOrganizationRow(tx, current.id, { status: input.status });
    await recordAuditEvent(tx, { ...audit, organizationId: current.id }, {
      action: input.status === "suspended" ? "organization.suspended" : "organization.reactivated",
      targetType: "organization",
      targetIds: [current.id],
      metadata: { previousStatus: current.status, status: input.status },
    });
    return updated!;
  });
}
