import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { PageHeader } from "@/app/_components/page-header";
import { describeDocumentFailure } from "@/lib/documents/describe-document-failure";
import { getDocumentView } from "@/lib/documents/get-document-view";
import { isAppError } from "@/lib/errors";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { documentIdSchema } from "@/lib/patients/patient-schemas";

export const metadata: Metadata = { title: "Document" };

/** An Epic document as HealthPrep read it: the page images (PDFs, scans) beside the text evidence was drawn from. */
export default async function DocumentPage(props: { params: Promise<{ orgSlug: string; documentId: string }> }) {
  const { orgSlug, documentId: rawId } = await props.params;
  const { db, organization, actor } = await requireOrgPage(orgSlug, "documents.read");
  const parsed = documentIdSchema.safeParse(rawId);
  if (!parsed.success) notFound();
  const view = await getDocumentView(db, { organizationId: organization.id, userId: actor.userId, documentId: parsed.data }, requestMetaFromHeaders(await headers())).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const base = `/o/${organization.slug}`;
  const imageCount = view.hasPageImages ? Math.min(view.pages, 20) : 0;
  return (
    <>
      <PageHeader
        title={view.title ?? "Untitled document"}
        description={[view.serviceDate ? `Service date ${view.serviceDate}` : "No service date found", view.category ? `Category: ${view.category}` : null].filter(Boolean).join(" · ")}
        actions={<Link href={`${base}/patients/${view.patientId}`} className="text-sm font-medium text-primary underline-offset-4 hover:underline">Back to the patient</Link>}
      />
      {view.state === "failed" ? (
        <p role="status" className="mb-4 rounded-md border border-red-200 bg-red-50 px-4 py-2 text-sm text-red-900">{`This document could not be read: ${describeDocumentFailure(view.failureReason).text}`}</p>
      ) : null}
      <div className={imageCount > 0 ? "grid gap-6 lg:grid-cols-2" : "grid gap-6"}>
        {imageCount > 0 ? (
          <section aria-labelledby="pages-heading" className="grid content-start gap-3">
            <h2 id="pages-heading" className="text-lg font-semibold">{`Pages (${view.pages})`}</h2>
            {Array.from({ length: imageCount }, (_, i) => (
              // A plain <img>: each page is fetched from Epic per view and must not pass through an image cache.
              <img
                key={i}
                src={`/api/orgs/${organization.slug}/documents/${view.id}/page-image?page=${i + 1}`}
                alt={`Page ${i + 1} of the document`}
                loading={i === 0 ? "eager" : "lazy"}
                className="w-full rounded-md border bg-white"
                data-testid="document-page-image"
              />
            ))}
            {view.pages > imageCount ? <p className="text-sm text-muted-foreground">{`The first ${imageCount} pages are shown; the text has all of them.`}</p> : null}
          </section>
        ) : null}
        <section aria-labelledby="text-heading" className="grid content-start gap-3">
          <h2 id="text-heading" className="text-lg font-semibold">Text as read</h2>
          {view.text ? (
            <pre tabIndex={0} className="max-h-[80vh] overflow-auto whitespace-pre-wrap rounded-md border bg-card p-4 font-sans text-sm" data-testid="document-text" aria-label="Document text">{view.text}</pre>
          ) : (
            <p className="text-sm text-muted-foreground">No text was read from this document.</p>
          )}
        </section>
      </div>
    </>
  );
}
