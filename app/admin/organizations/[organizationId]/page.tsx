import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { MembersTable } from "@/app/_components/members-table";
import { PageHeader } from "@/app/_components/page-header";
import { SectionCard } from "@/app/_components/section-card";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { organizationIdSchema } from "@/lib/admin/admin-schemas";
import { getClinicDetail } from "@/lib/admin/get-clinic-detail";
import { isAppError } from "@/lib/errors";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { requirePlatformPage } from "@/lib/http/require-org-page";
import { formatClinicDate, formatClinicDateTime } from "@/lib/dates/format-clinic-time";
import { readerTimeZone } from "@/lib/dates/reader-time-zone";
import { findHomeTimeZone } from "@/lib/organizations/find-home-time-zone";
import { JobRunsTable } from "../../_components/job-runs-table";
import { EditOrganizationForm } from "./edit-organization-form";
import { StatusForm } from "./status-form";

export const metadata: Metadata = { title: "Clinic" };

const tokenVariant = { active: "success", reconnect_needed: "warning", disconnected: "secondary" } as const;

export default async function ClinicDetailPage({ params }: { params: Promise<{ organizationId: string }> }) {
  const { user, db } = await requirePlatformPage();
  const parsed = organizationIdSchema.safeParse((await params).organizationId);
  if (!parsed.success) notFound();
  const meta = requestMetaFromHeaders(await headers());
  const detail = await getClinicDetail(db, { organizationId: parsed.data as never }, { actorUserId: user.userId, organizationId: null, ...meta }).catch((error: unknown) => {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  });
  const { organization: o, members, epic, jobRuns, syncRuns } = detail;
  const homeZone = await findHomeTimeZone(db, user.userId);
  const zone = readerTimeZone(homeZone, o.timeZone);
  return (
    <>
      <PageHeader
        title={o.name}
        description={`/o/${o.slug} · ${o.timeZone} · created ${formatClinicDate(o.createdAt, zone)}`}
        actions={<Badge variant={o.status === "active" ? "success" : "warning"}>{o.status}</Badge>}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <SectionCard title="Details">
          <EditOrganizationForm organization={{ id: o.id, name: o.name, timeZone: o.timeZone }} />
        </SectionCard>
        <SectionCard title="Status" description="Suspension is recorded in the audit log.">
          <StatusForm organizationId={o.id} status={o.status} />
        </SectionCard>
        <SectionCard
          title="Epic connection"
          description={
            <Link className="underline" href={`/o/${o.slug}/settings/epic`}>
              Configure Epic for {o.name}
            </Link>
          }
        >
          <div className="grid gap-2 text-sm">
            {epic ? (
              <>
                <p>
                  <Badge variant="success">configured</Badge> {epic.environment === "production" ? "Production" : "Non-production"}
                </p>
                <p className="break-all font-mono text-xs">{epic.fhirBaseUrl}</p>
                <p>
                  Client ID <span className="font-mono text-xs">{epic.clientId}</span>
                  {epic.hasClientSecret ? " · secret stored" : ""}
                </p>
                {epic.tokens.length === 0 ? (
                  <p className="text-muted-foreground">No one has connected to Epic yet.</p>
                ) : (
                  <ul className="grid gap-1">
                    {epic.tokens.map((t) => (
                      <li key={t.id}>
                        {t.kind === "backend" ? "Backend Services" : "User"} token <Badge variant={tokenVariant[t.status]}>{t.status.replace("_", " ")}</Badge>{" "}
                        <span className="text-muted-foreground">expires {formatClinicDateTime(t.expiresAt, zone)}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </>
            ) : (
              <p className="text-muted-foreground">
                <Badge variant="secondary">not configured</Badge> This clinic has no Epic app registration yet.
              </p>
            )}
          </div>
        </SectionCard>
        <SectionCard title="Members" description={members.length === 1 ? "1 member" : `${members.length} members`}>
          {members.length === 0 ? (
            <p className="text-sm text-muted-foreground">No members yet. A clinic admin can invite colleagues from the clinic&apos;s settings.</p>
          ) : (
            <MembersTable members={members} rowTestId="clinic-member-row" />
          )}
        </SectionCard>
      </div>
      <SectionCard
        className="mt-6"
        title="Recent jobs"
        description={
          <Link className="underline" href={`/admin/jobs?organizationId=${o.id}`}>
            All job runs of this clinic
          </Link>
        }
      >
        {jobRuns.length === 0 ? <p className="text-sm text-muted-foreground">No job has run for this clinic yet.</p> : <JobRunsTable runs={jobRuns} showClinic={false} homeZone={homeZone} timeZones={{ [o.id]: o.timeZone }} />}
      </SectionCard>
      <SectionCard className="mt-6" title="Recent Epic syncs">
        {syncRuns.length === 0 ? (
          <p className="text-sm text-muted-foreground">No sync has run for this clinic yet.</p>
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Started</TableHead>
                <TableHead>Kind</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Reason</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {syncRuns.map((s) => (
                <TableRow key={s.id}>
                  <TableCell className="whitespace-nowrap text-xs tabular-nums">{formatClinicDateTime(s.startedAt, zone)}</TableCell>
                  <TableCell>{s.kind}</TableCell>
                  <TableCell>{s.status}</TableCell>
                  <TableCell className="text-xs">{s.errorReason ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </SectionCard>
    </>
  );
}
