import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { Search, Users } from "lucide-react";
import { EmptyState } from "@/app/_components/empty-state";
import { LinkPending } from "@/app/_components/link-pending";
import { PageHeader } from "@/app/_components/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatClinicDateTime } from "@/lib/dates/format-clinic-time";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { listPatientDirectory, patientDirectoryPageSize, patientSearchLimit } from "@/lib/patients/list-patient-directory";
import { patientDirectoryQuerySchema } from "@/lib/patients/patient-schemas";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage(props: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ q?: string; page?: string }> }) {
  const { orgSlug } = await props.params;
  const { db, organization, actor } = await requireOrgPage(orgSlug, "patients.read");
  const query = patientDirectoryQuerySchema.parse(await props.searchParams);
  const directory = await listPatientDirectory(
    db,
    { organizationId: organization.id, userId: actor.userId, timeZone: organization.timeZone, page: query.page ?? 1, ...(query.q ? { query: query.q } : {}) },
    requestMetaFromHeaders(await headers()),
  );
  const base = `/o/${organization.slug}/patients`;
  const pageHref = (page: number) => `${base}?${new URLSearchParams({ ...(query.q ? { q: query.q } : {}), page: String(page) })}`;
  const first = (directory.page - 1) * patientDirectoryPageSize + 1;
  return (
    <>
      <PageHeader
        title="Patients"
        description={`Patients linked from Epic at ${organization.name}, soonest visit first.`}
        actions={
          <form method="get" role="search" className="flex items-center gap-2">
            <Input type="search" name="q" defaultValue={query.q ?? ""} aria-label="Search by name or birth date" placeholder="Name or birth date (YYYY-MM-DD)" className="w-64" />
            <Button type="submit" variant="outline" size="sm"><Search aria-hidden />Search</Button>
          </form>
        }
      />
      {directory.rows.length === 0 ? (
        query.q ? (
          <EmptyState icon={Search} title={`No patient matches “${query.q}”`}>
            Only patients with a visit synced from Epic are listed. <Link className="text-primary underline-offset-4 hover:underline" href={base}>Show every patient</Link>
          </EmptyState>
        ) : (
          <EmptyState icon={Users} title="No patients yet">
            Patients are linked from Epic when their appointments sync. Nothing is imported until then.
          </EmptyState>
        )
      ) : (
        <div className="grid gap-3">
          <p className="text-sm text-muted-foreground" data-testid="patients-count">
            {`${first}–${first + directory.rows.length - 1} of ${directory.total} ${directory.total === 1 ? "patient" : "patients"}${query.q ? ` matching “${query.q}”` : ""}`}
            {directory.searchCapped ? ` (searched the ${patientSearchLimit} patients with the soonest visits)` : null}
          </p>
          <div role="region" aria-label="Patients" tabIndex={0} className="relative w-full overflow-x-auto rounded-md focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
            <table className="w-full caption-bottom text-sm">
              <TableHeader>
                <TableRow>
                  <TableHead>Patient</TableHead>
                  <TableHead>Next visit</TableHead>
                  <TableHead>Open screenings</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {directory.rows.map((r) => (
                  <TableRow key={r.patientId} data-testid="patient-row">
                    <TableCell>
                      <Link href={`${base}/${r.patientId}`} prefetch={false} className="font-medium underline-offset-4 hover:underline" data-testid="patient-name">
                        {r.banner?.name ?? "Name unavailable"}
                        <LinkPending />
                      </Link>
                      {r.banner?.birthDate ? <div className="text-xs text-muted-foreground">{`Born ${r.banner.birthDate}`}</div> : null}
                    </TableCell>
                    <TableCell className="tabular-nums" data-testid="next-visit">
                      {r.nextVisitAt ? formatClinicDateTime(r.nextVisitAt, organization.timeZone) : (
                        <span className="text-muted-foreground">{r.lastVisitAt ? `None booked (last ${formatClinicDateTime(r.lastVisitAt, organization.timeZone)})` : "None booked"}</span>
                      )}
                    </TableCell>
                    <TableCell data-testid="open-gaps">
                      <div className="flex flex-wrap gap-1.5">
                        {r.openGaps > 0 ? <Badge variant="warning">{`${r.openGaps} due`}</Badge> : null}
                        {r.toReview > 0 ? <Badge variant="info">{`${r.toReview} to review`}</Badge> : null}
                        {r.openGaps === 0 && r.toReview === 0 ? <span className="text-xs text-muted-foreground">None open</span> : null}
                      </div>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </table>
          </div>
          {directory.pageCount > 1 ? (
            <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
              {directory.page > 1 ? <Link className="text-primary underline-offset-4 hover:underline" href={pageHref(directory.page - 1)}>Previous page</Link> : <span />}
              <span className="text-muted-foreground">{`Page ${directory.page} of ${directory.pageCount}`}</span>
              {directory.page < directory.pageCount ? <Link className="text-primary underline-offset-4 hover:underline" href={pageHref(directory.page + 1)}>Next page</Link> : <span />}
            </nav>
          ) : null}
        </div>
      )}
    </>
  );
}
