import { withOrg } from "@/lib/http/with-org";
import { changeMemberRole } from "@/lib/organizations/change-member-role";
import { changeMemberRoleSchema } from "@/lib/organizations/organization-schemas";

const bodySchema = changeMemberRoleSchema.pick({ role: true });
const paramsSchema = changeMemberRoleSchema.pick({ membershipId: true });

// PATCH /api/orgs/:orgSlug/members/:membershipId – change a member's role
export const PATCH = withOrg<{ orgSlug: string; membershipId: string }>(
  async (request, ctx) => {
    const { membershipId } = paramsSchema.parse(ctx.params);
    const { role } = bodySchema.parse(await request.json().catch(() => ({})));
    const member = await changeMemberRole(
      ctx.db,
      { organizationId: ctx.organization.id, actorUserId: ctx.actor.userId, membershipId, role },
      ctx.meta,
    );
    return Response.json({ member });
  },
  { permission: "members.manage" },
);
