"use server";
import { revalidatePath } from "next/cache";
import { orgAction } from "@/lib/http/org-action";
import { changeMemberRole } from "@/lib/organizations/change-member-role";
import { changeMemberRoleSchema } from "@/lib/organizations/organization-schemas";

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
