"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/http/org-action";
import { changeMemberRole } from "@/lib/organizations/change-member-role";
import { changeMemberRoleSchema, removeMemberSchema } from "@/lib/organizations/organization-schemas";
import { removeMember } from "@/lib/organizations/remove-member";

// Change a member's role in this clinic (ends their sessions).
export const changeMemberRoleAction = orgAction(
  { permission: "members.manage", schema: changeMemberRoleSchema },
  async (input, ctx) => {
    const result = await changeMemberRole(
      ctx.db,
      { organizationId: ctx.organization.id, actorUserId: ctx.actor.userId, membershipId: input.membershipId, role: input.role },
      ctx.meta,
    );
    revalidatePath(`/o/${ctx.organization.slug}/settings`);
    return result;
  },
);

// Remove a member from this clinic (ends all their sessions).
export const removeMemberAction = orgAction({ permission: "members.manage", schema: removeMemberSchema }, async (input, ctx) => {
  const result = await removeMember(
    ctx.db,
    { organizationId: ctx.organization.id, actorUserId: ctx.actor.userId, membershipId: input.membershipId },
    ctx.meta,
  );
  revalidatePath(`/o/${ctx.organization.slug}/settings`);
  return result;
});
