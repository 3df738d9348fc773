import { withOrg } from "@/lib/http/with-org";
import { listMembers } from "@/lib/organizations/list-members";

// GET /api/orgs/:orgSlug/members – the clinic's members and roles
export const GET = withOrg(
  async (_request, ctx) => {
    const members = await listMembers(ctx.db, { organizationId: ctx.organization.id });
    return Response.json({ members });
  },
  { permission: "members.read" },
);
