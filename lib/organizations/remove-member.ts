import "server-only";
import type { Db } from "@/db/client";
import { countOrgAdmins, deleteMembership, findMember } from "@/db/queries/organizations";
import { revokeUserSessionsOfUser } from "@/db/queries/user-sessions";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";

/**
 * Removes a member from one clinic. All of the person's sessions end at once (sessions are per user),
 * so access to this clinic stops now rather than at the next timeout.
 */
export async function removeMember(
  db: Db,
  input: { organizationId: Id<"organization">; actorUserId: string; membershipId: string },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
) {
  return db.transaction(async (tx) => {
    const member = await findMember(tx, input.organizationId, input.membershipId);
    if (!member) throw new AppError("not_found", "membership not found in this organization");
    if (member.userId === input.actorUserId) {
      throw new AppError("conflict", "cannot remove self", { publicMessage: "You cannot remove yourself." });
    }
    if (member.role === "org_admin" && (await countOrgAdmins(tx, input.organizationId)) <= 1) {
      throw new AppError("conflict", "last clinic admin", { publicMessage: "A clinic needs at least one administrator." });
    }
    await deleteMembership(tx, input.organizationId, input.membershipId);
    await revokeUserSessionsOfUser(tx, member.userId, "membership_removed", new Date());
    await recordAuditEvent(tx, { ...audit, actorUserId: input.actorUserId, organizationId: input.organizationId }, {
      action: "member.removed",
      targetType: "membership",
      targetIds: [member.membershipId],
      metadata: { role: member.role, userId: member.userId },
    });
    return { membershipId: member.membershipId, removed: true as const };
  });
}
