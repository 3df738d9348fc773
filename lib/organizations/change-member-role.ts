import "server-only";
import type { Db } from "@/db/client";
import { findMember, updateMembershipRole } from "@/db/queries/organizations";
import { revokeUserSessionsOfUser } from "@/db/queries/user-sessions";
import type { MemberRole } from "@/db/schema/organizations";
import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";

/**
 * Changes a member's role in one clinic. The member's sessions end, so the new role applies at once
 * instead of whenever their JWT would next be refreshed.
 */
export async function changeMemberRole(
  db: Db,
  input: { organizationId: Id<"organization">; actorUserId: string; membershipId: string; role: MemberRole },
  audit: Omit<AuditContext, "organizationId" | "actorUserId">,
) {
  return db.transaction(async (tx) => {
    const member = await findMember(tx, input.organizationId, input.membershipId);
    if (!member) throw new AppError("not_found", "membership not found in this organization");
    if (member.userId === input.actorUserId) {
      throw new AppError("conflict", "cannot change own role", { publicMessage: "You cannot change your own role." });
    }
    if (member.role === input.role) return member;
    const updated = await updateMembershipRole(tx, input.organizationId, input.membershipId, input.role);
    await revokeUserSessionsOfUser(tx, member.userId, "role_changed", new Date());
    await recordAuditEvent(tx, { ...audit, actorUserId: input.actorUserId, organizationId: input.organizationId }, {
      action: "member.role_changed",
      targetType: "membership",
      targetIds: [member.membershipId],
      metadata: { from: member.role, to: input.role },
    });
    return { membershipId: updated!.id, role: updated!.role, userId: updated!.userId };
  });
}
