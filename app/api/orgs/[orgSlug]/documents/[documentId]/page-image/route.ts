import { renderDocumentPage } from "@/lib/documents/render-document-page";
import { withOrg } from "@/lib/http/with-org";
import { documentIdSchema, documentPageSchema } from "@/lib/patients/patient-schemas";

// GET /api/orgs/:orgSlug/documents/:documentId/page-image?page=N – one page as an image, fetched from Epic (audited, never cached)
export const GET = withOrg<{ orgSlug: string; documentId: string }>(
  async (request, ctx) => {
    const documentId = documentIdSchema.parse(ctx.params.documentId);
    const page = documentPageSchema.parse(new URL(request.url).searchParams.get("page") ?? undefined);
    const image = await renderDocumentPage(ctx.db, { organizationId: ctx.organization.id, userId: ctx.actor.userId, documentId, page }, ctx.meta);
    return new Response(Buffer.from(image.bytes), { headers: { "content-type": image.contentType, "cache-control": "private, no-store" } });
  },
  { permission: "documents.read" },
);
