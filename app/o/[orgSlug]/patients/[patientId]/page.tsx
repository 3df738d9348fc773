import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { FileText, ListChecks } from "lucide-react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { hasPermission } from "@/lib/auth/permissions";
import { listPatientDocumentSummaries } from "@/lib/documents/list-patient-document-summaries";
import { isAppError } from "@/lib/errors";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { requireOrgPage } from "@/lib/http/require-org-page";
import type { Id } from "@/lib/ids";
import { getPatientBanner } from "@/lib/patients/get-patient-banner";
import { listReviewDecisions } from "@/lib/patients/list-review-decisions";
import { patientIdSchema } from "@/lib/patients/patient-schemas";
import { listPrepSheetVersions } from "@/lib/prep-sheet-data/list-prep-sheet-versions";
import { listPatientScreenings } from "@/lib/screening-data/list-patient-screenings";
import { DocumentsTable } from "./documents-table";
import { ScreeningChecklist } from "./screening-checklist";

export const metadata: Metadata = { title: "Patient" };

export default async function PatientPage(props: { params: Promise<{ orgSlug: string; patientId: string }> }) {
  const { orgSlug, patientId: rawId } = await props.params;
  const { db, organization, actor, role } = await requireOrgPage(orgSlug, "patients.read");
  const parsed = patientIdSchema.safeParse(rawId);
  if (!parsed.success) notFound();
  const organizationId = organization.id;
  const patientId = parsed.data as Id<"patient">;
  const meta = requestMetaFromHeaders(await headers());
  const view = await getPatientBanner(db, { organizationId, userId: actor.userId, patientId }, { ip: meta.ip, userAgent: meta.userAgent }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const [screenings, decisions, documents, sheets] = await Promise.all([
    listPatientScreenings(db, { organizationId, patientId }),
    listReviewDecisions(db, { organizationId, patientId }),
    listPatientDocumentSummaries(db, { organizationId, patientId }),
    listPrepSheetVersions(db, { organizationId, patientId }),
  ]);
  const can = (permission: Parameters<typeof hasPermission>[1]) => hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, permission);
  const { banner } = view;
  const latest = sheets[0];
  return (
    <>
      <PageHeader
        title={banner?.name ?? "Patient"}
        description={banner ? `Born ${banner.birthDate ?? "unknown"} · Sex for clinical use: ${banner.sex ?? "unknown"}` : "Epic did not return this patient's name; showing stored data only."}
        actions={
          latest ? (
            <Link href={`/o/${organization.slug}/prep-sheets/${latest.id}`} className="text-sm font-medium text-primary underline-offset-4 hover:underline" data-testid="latest-prep-sheet-link">
              Open prep sheet (v{latest.version})
            </Link>
          ) : null
        }
      />
      <div className="grid gap-8">
        <section aria-labelledby="screenings-heading" className="grid gap-3">
          <h2 id="screenings-heading" className="text-lg font-semibold">Screenings</h2>
          {screenings.filter((s) => s.selection !== "superseded").length === 0 ? (
            <EmptyState icon={ListChecks} title="Not screened yet">
              Screenings appear once the patient&apos;s data has synced from Epic and been evaluated.
            </EmptyState>
          ) : (
            <ScreeningChecklist orgSlug={organization.slug} patientId={patientId} timeZone={organization.timeZone} screenings={screenings} decisions={decisions} canReview={can("screenings.review")} />
          )}
        </section>
        <section aria-labelledby="documents-heading" className="grid gap-3">
          <h2 id="documents-heading" className="text-lg font-semibold">Documents</h2>
          {documents.length === 0 ? (
            <EmptyState icon={FileText} title="No documents">No documents from Epic for this patient yet.</EmptyState>
          ) : (
            <DocumentsTable documents={documents} retry={can("prep_sheets.generate") ? { orgSlug: organization.slug, patientId } : null} />
          )}
        </section>
        <section aria-labelledby="prep-sheets-heading" className="grid gap-3">
          <h2 id="prep-sheets-heading" className="text-lg font-semibold">Prep sheets</h2>
          {sheets.length === 0 ? (
            <p className="text-sm text-muted-foreground">No prep sheet yet. Use &ldquo;Prepare all&rdquo; on the schedule.</p>
          ) : (
            <ul className="grid gap-1 text-sm">
              {sheets.map((s) => (
                <li key={s.id}>
                  <Link href={`/o/${organization.slug}/prep-sheets/${s.id}`} className="text-primary underline-offset-4 hover:underline" data-testid="prep-sheet-version-link">
                    Visit {s.asOf} · version {s.version}
                  </Link>{" "}
                  <span className="text-muted-foreground">({s.status.replace("_", " ")})</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}
