import { withOrg } from "@/lib/http/with-org";
import { exportScreeningTypes } from "@/lib/screening-data/import-export-screening-types";

// GET /api/orgs/:orgSlug/screening-types/export – the clinic's screening types as a JSON download (audited)
export const GET = withOrg(
  async (_request, ctx) => {
    const file = await exportScreeningTypes(ctx.db, { organizationId: ctx.organization.id, actorUserId: ctx.actor.userId });
    const filename = `${ctx.organization.slug}-screening-types.json`;
    return new Response(JSON.stringify(file, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "screening_types.read" },
);
