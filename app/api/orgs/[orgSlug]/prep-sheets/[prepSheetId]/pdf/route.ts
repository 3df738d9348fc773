import { withOrg } from "@/lib/http/with-org";
import { downloadPrepSheetPdf } from "@/lib/prep-sheet-data/download-prep-sheet-pdf";
import { prepSheetIdSchema } from "@/lib/prep-sheet-data/prep-sheet-schemas";

// GET /api/orgs/:orgSlug/prep-sheets/:prepSheetId/pdf – the stored sheet as a PDF (audited; no name in headers)
export const GET = withOrg<{ orgSlug: string; prepSheetId: string }>(
  async (_request, ctx) => {
    const prepSheetId = prepSheetIdSchema.parse(ctx.params.prepSheetId);
    const { bytes, filename } = await downloadPrepSheetPdf(ctx.db, { organizationId: ctx.organization.id, userId: ctx.actor.userId, prepSheetId }, ctx.meta);
    return new Response(Buffer.from(bytes), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="${filename}"`,
        "cache-control": "private, no-store",
      },
    });
  },
  { permission: "prep_sheets.read" },
);
