import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { Download } from "lucide-react";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/components/ui/badge";
import { hasPermission } from "@/lib/auth/permissions";
import { isAppError } from "@/lib/errors";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { getPrepSheetView } from "@/lib/prep-sheet-data/get-prep-sheet-view";
import { isPrepSheetExpiredError, prepSheetExpiredMessage } from "@/lib/prep-sheet-data/load-prep-sheet";
import { prepSheetIdSchema } from "@/lib/prep-sheet-data/prep-sheet-schemas";
import { describePrepSheetFreshness } from "@/lib/prep-sheet";
import { formatClinicDateTime } from "@/lib/dates/format-clinic-time";
import { FailedDocumentsNotice } from "./failed-documents-notice";
import { PrepSheetDocument } from "./prep-sheet-document";
import { PrintButton } from "./print-button";
import { RegenerateSheetButton } from "./regenerate-sheet-button";
import { SendToEpicButton } from "./send-to-epic-button";

export const metadata: Metadata = { title: "Prep sheet" };

const ledgerLabels: Record<string, { label: string; variant: "secondary" | "info" | "success" | "warning" | "danger" }> = {
  pending: { label: "Pending", variant: "secondary" },
  sent: { label: "Sent", variant: "info" },
  confirmed: { label: "Confirmed in Epic", variant: "success" },
  reconciled: { label: "Confirmed in Epic (reconciled)", variant: "success" },
  unknown: { label: "Outcome unknown, checking Epic", variant: "warning" },
  failed: { label: "Failed", variant: "danger" },
};

export default async function PrepSheetPage(props: { params: Promise<{ orgSlug: string; prepSheetId: string }> }) {
  const { orgSlug, prepSheetId: rawId } = await props.params;
  const { db, organization, actor, role } = await requireOrgPage(orgSlug, "prep_sheets.read");
  const parsed = prepSheetIdSchema.safeParse(rawId);
  if (!parsed.success) notFound();
  const meta = requestMetaFromHeaders(await headers());
  const view = await getPrepSheetView(db, { organizationId: organization.id, userId: actor.userId, prepSheetId: parsed.data }, { ip: meta.ip, userAgent: meta.userAgent }).catch(
    (error: unknown) => {
      if (isPrepSheetExpiredError(error)) return null;
      if (isAppError(error) && error.code === "not_found") notFound();
      throw error;
    },
  );
  if (!view) {
    return (
      <>
        <PageHeader title="Prep sheet" />
        <p role="status" className="rounded-xl border bg-card p-4 text-sm" data-testid="prep-sheet-expired">{prepSheetExpiredMessage}</p>
      </>
    );
  }
  const { row, sheet, versions, writeBacks, refreshFailed, freshness } = view;
  const canWrite = hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, "prep_sheets.write_back");
  const canGenerate = hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, "prep_sheets.generate");
  const outdatedReasons = describePrepSheetFreshness(freshness);
  const latestWrite = writeBacks[0];
  const ledger = latestWrite ? (ledgerLabels[latestWrite.state] ?? { label: latestWrite.state, variant: "secondary" as const }) : null;
  const base = `/o/${organization.slug}`;
  return (
    <>
      <div className="print:hidden">
        <PageHeader
          title="Prep sheet"
          description={`Visit ${row.asOf} · version ${row.version} · ${row.status.replace("_", " ")}`}
          actions={
            <>
              <a
                href={`/api/orgs/${organization.slug}/prep-sheets/${row.id}/pdf`}
                className="inline-flex h-8 items-center gap-1.5 rounded-md border bg-background px-3 text-sm font-medium shadow-xs hover:bg-accent"
                data-testid="download-pdf"
              >
                <Download aria-hidden className="size-4" /> Download PDF
              </a>
              <PrintButton />
              {canWrite ? <SendToEpicButton orgSlug={organization.slug} prepSheetId={row.id} outdatedReasons={outdatedReasons} /> : null}
            </>
          }
        />
        {refreshFailed ? (
          <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="prep-refresh-failed">
            {`Not refreshed since ${formatClinicDateTime(refreshFailed.since, organization.timeZone)}, ${refreshFailed.reason}. This sheet is still the latest good one and can be sent to Epic.`}
          </p>
        ) : null}
        <FailedDocumentsNotice db={db} organizationId={organization.id} orgSlug={organization.slug} patientId={row.patientId} canRetry={hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, "prep_sheets.generate")} />
        {outdatedReasons.length > 0 ? (
          <div role="status" className="mb-4 grid gap-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950" data-testid="prep-sheet-outdated">
            <p className="font-medium">{freshness.supersededBy ? "A newer version of this sheet exists." : "This sheet is out of date."}</p>
            <ul className="list-disc pl-5">{outdatedReasons.map((reason) => <li key={reason}>{reason}</li>)}</ul>
            <div className="flex flex-wrap gap-2">
              {freshness.supersededBy ? (
                <Link href={`${base}/prep-sheets/${freshness.supersededBy.id}`} className="font-medium text-primary underline-offset-4 hover:underline" data-testid="newest-version-link">
                  Open version {freshness.supersededBy.version}
                </Link>
              ) : canGenerate ? (
                <RegenerateSheetButton orgSlug={organization.slug} appointmentId={row.appointmentId} />
              ) : null}
            </div>
          </div>
        ) : null}
        <div className="mb-6 grid gap-4 rounded-xl border bg-card p-4 text-sm sm:grid-cols-2">
          <div className="grid gap-1">
            <h2 className="font-medium">Epic note</h2>
            <div data-testid="write-back-state" aria-live="polite">
              {ledger && latestWrite ? (
                <>
                  <Badge variant={ledger.variant}>{ledger.label}</Badge>
                  {latestWrite.epicId ? <span className="ml-2 text-xs text-muted-foreground">DocumentReference {latestWrite.epicId}</span> : null}
                  {latestWrite.lastError ? <span className="ml-2 text-xs text-muted-foreground">{latestWrite.lastError.replaceAll("_", " ")}</span> : null}
                </>
              ) : (
                <span className="text-muted-foreground">Not sent to Epic yet.</span>
              )}
            </div>
          </div>
          <div className="grid gap-1">
            <h2 className="font-medium">Versions</h2>
            <ul className="grid gap-0.5" data-testid="prep-sheet-versions">
              {versions.map((v) => (
                <li key={v.id}>
                  {v.id === row.id ? (
                    <span aria-current="page" className="font-medium">Version {v.version} (this one)</span>
                  ) : (
                    <Link href={`${base}/prep-sheets/${v.id}`} className="text-primary underline-offset-4 hover:underline">Version {v.version}</Link>
                  )}{" "}
                  <span className="text-muted-foreground">· {v.status.replace("_", " ")} · {formatClinicDateTime(v.generatedAt, organization.timeZone)}</span>
                </li>
              ))}
            </ul>
            <Link href={`${base}/patients/${row.patientId}`} className="text-primary underline-offset-4 hover:underline">Open patient</Link>
          </div>
        </div>
      </div>
      <PrepSheetDocument sheet={sheet} />
    </>
  );
}
