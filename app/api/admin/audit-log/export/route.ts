import { auditLogFilterSchema, firstValues } from "@/lib/admin/admin-schemas";
import { exportAuditLog } from "@/lib/admin/export-audit-log";
import { withPlatform } from "@/lib/http/with-org";

// GET /api/admin/audit-log/export – the filtered audit log as CSV (metadata only), audited as an export.
export const GET = withPlatform(
  async (request, { db, user, meta }) => {
    const input = auditLogFilterSchema.parse(firstValues(Object.fromEntries(new URL(request.url).searchParams)));
    const { csv } = await exportAuditLog(db, input, { actorUserId: user.userId, organizationId: null, ...meta });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="healthprep-audit-log-${new Date().toISOString().slice(0, 10)}.csv"`,
        "cache-control": "no-store",
      },
    });
  },
  { permission: "platform.audit.read" },
);
