import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { ScrollText } from "lucide-react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { auditActions, auditLogFilterSchema, firstValues, type AuditLogFilterInput } from "@/lib/admin/admin-schemas";
import { listAuditLogPage } from "@/lib/admin/list-audit-log-page";
import { describeValidationIssues } from "@/lib/http/describe-validation-issues";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { requirePlatformPage } from "@/lib/http/require-org-page";
import { ScrollTable } from "../_components/scroll-table";
import { listAllOrganizations } from "@/lib/organizations/list-all-organizations";
import { findHomeTimeZone } from "@/lib/organizations/find-home-time-zone";
import { formatClinicDateTime } from "@/lib/dates/format-clinic-time";
import { readerTimeZone } from "@/lib/dates/reader-time-zone";
import { asOptions, ClinicFilterSelect, FilterSelect } from "../_components/filter-select";
import { filterQuery, PageLinks } from "../_components/page-links";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await requirePlatformPage();
  const parsed = auditLogFilterSchema.safeParse(firstValues(await searchParams));
  const filter: AuditLogFilterInput = parsed.success ? parsed.data : {};
  const meta = requestMetaFromHeaders(await headers());
  const [{ events, page, hasNext }, organizations, homeZone] = await Promise.all([
    listAuditLogPage(db, filter, { actorUserId: user.userId, organizationId: null, ...meta }),
    listAllOrganizations(db),
    findHomeTimeZone(db, user.userId),
  ]);
  const clinicName = new Map(organizations.map((o) => [o.id as string, o.name]));
  const clinicZone = new Map(organizations.map((o) => [o.id as string, o.timeZone]));
  const { page: _page, ...filterOnly } = filter;
  const filtered = Object.values(filterOnly).some((v) => v !== undefined);
  return (
    <>
      <PageHeader
        title="Audit log"
        description="Newest first. Entries hold ids, never clinical content."
        actions={
          <Button asChild variant="outline">
            <a href={`/api/admin/audit-log/export${filterQuery(filterOnly)}`} download>
              Export CSV
            </a>
          </Button>
        }
      />
      <form method="get" aria-label="Filter the audit log" className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_10rem_10rem_auto] lg:items-end">
        <ClinicFilterSelect id="filter-clinic" organizations={organizations} value={filter.organizationId} />
        <div className="grid gap-1.5">
          <Label htmlFor="filter-actor">Actor (email or user id)</Label>
          <Input id="filter-actor" name="actor" defaultValue={filter.actor ?? ""} />
        </div>
        <FilterSelect id="filter-action" name="action" label="Action" anyLabel="All actions" options={asOptions(auditActions)} value={filter.action} />
        <div className="grid gap-1.5">
          <Label htmlFor="filter-from">From (UTC)</Label>
          <Input id="filter-from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="filter-to">To (UTC)</Label>
          <Input id="filter-to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="flex items-center gap-2">
          <Button type="submit">Apply filters</Button>
          {filtered ? (
            <Link className="text-sm underline" href="/admin/audit-log">
              Clear
            </Link>
          ) : null}
        </div>
        {!parsed.success ? (
          <p role="alert" className="text-sm text-destructive sm:col-span-2 lg:col-span-6">
            {`Filters ignored: ${describeValidationIssues(parsed.error.issues).message}`}
          </p>
        ) : null}
      </form>
      {events.length === 0 ? (
        <EmptyState icon={ScrollText} title={filtered ? "No entries match these filters" : "No entries yet"}>
          {filtered ? "Widen the date range or clear a filter." : "Sign-ins and changes will appear here."}
        </EmptyState>
      ) : (
        <Card>
          <CardContent className="pt-6">
            <ScrollTable label="Audit log entries">
              <caption className="sr-only">Audit log, page {page}</caption>
              <TableHeader>
                <TableRow>
                  <TableHead>Time</TableHead>
                  <TableHead>Action</TableHead>
                  <TableHead>Actor</TableHead>
                  <TableHead>Clinic</TableHead>
                  <TableHead>Targets</TableHead>
                  <TableHead>IP</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {events.map((e) => (
                  <TableRow key={e.id} data-testid="audit-row">
                    {/* The reader's clinic's time, else the event's clinic's, else UTC; each with its zone. */}
                    <TableCell className="whitespace-nowrap text-xs tabular-nums">{formatClinicDateTime(e.occurredAt, readerTimeZone(homeZone, e.organizationId ? clinicZone.get(e.organizationId) : null))}</TableCell>
                    <TableCell className="font-mono text-xs">{e.action}</TableCell>
                    <TableCell className="text-xs" data-testid="audit-actor">
                      {e.actor ? (
                        <>
                          <div className="font-medium">{e.actor.name ?? e.actor.email}</div>
                          {e.actor.name && e.actor.email ? <div className="text-muted-foreground">{e.actor.email}</div> : null}
                        </>
                      ) : e.actorUserId ? <span className="text-muted-foreground">Deleted account</span> : <span className="text-muted-foreground">System</span>}
                    </TableCell>
                    <TableCell className="text-xs">{e.organizationId ? (clinicName.get(e.organizationId) ?? e.organizationId) : "—"}</TableCell>
                    <TableCell className="font-mono text-xs">{e.targetIds.join(", ") || "—"}</TableCell>
                    <TableCell className="font-mono text-xs">{e.ip ?? "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </ScrollTable>
          </CardContent>
        </Card>
      )}
      <PageLinks label="Audit log pages" path="/admin/audit-log" filter={filterOnly} page={page} hasNext={hasNext} items="entries" />
    </>
  );
}
