import type { Metadata } from "next";
import { Activity } from "lucide-react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { firstValues, jobRunFilterSchema, jobRunStatuses, type JobRunFilterInput } from "@/lib/admin/admin-schemas";
import { listJobRunsPage } from "@/lib/admin/list-job-runs-page";
import { requirePlatformPage } from "@/lib/http/require-org-page";
import { findHomeTimeZone } from "@/lib/organizations/find-home-time-zone";
import { listAllOrganizations } from "@/lib/organizations/list-all-organizations";
import { formatDuration, JobRunsTable } from "../_components/job-runs-table";
import { asOptions, ClinicFilterSelect, FilterSelect } from "../_components/filter-select";
import { PageLinks } from "../_components/page-links";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, db } = await requirePlatformPage();
  const parsed = jobRunFilterSchema.safeParse(firstValues(await searchParams));
  const filter: JobRunFilterInput = parsed.success ? parsed.data : {};
  const [{ runs, totals, page, hasNext }, organizations, homeZone] = await Promise.all([
    listJobRunsPage(db, filter, new Date()),
    listAllOrganizations(db),
    findHomeTimeZone(db, user.userId),
  ]);
  const clinicName = new Map(organizations.map((o) => [o.id as string, o.name]));
  const summary = new Map<string, { runs: number; failed: number; skipped: number }>();
  for (const t of totals) {
    const key = t.organizationId ?? "";
    const row = summary.get(key) ?? { runs: 0, failed: 0, skipped: 0 };
    row.runs += t.runs;
    if (t.status === "failed") row.failed += t.runs;
    if (t.status === "skipped") row.skipped += t.runs;
    summary.set(key, row);
  }
  const avg = new Map(totals.filter((t) => t.status === "succeeded").map((t) => [t.organizationId ?? "", t.avgMs]));
  const filters = { organizationId: filter.organizationId, status: filter.status };
  return (
    <>
      <PageHeader title="Jobs" description="Background runs (Epic syncs, document reading, prep sheets, write-backs) across clinics." />
      <Card className="mb-6">
        <CardHeader>
          <CardTitle>Last 24 hours</CardTitle>
        </CardHeader>
        <CardContent>
          {summary.size === 0 ? (
            <p className="text-sm text-muted-foreground">No job ran in the last 24 hours.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Clinic</TableHead>
                  <TableHead>Runs</TableHead>
                  <TableHead>Failed</TableHead>
                  <TableHead>Skipped</TableHead>
                  <TableHead>Average successful duration</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...summary.entries()].map(([id, s]) => (
                  <TableRow key={id || "all"}>
                    <TableCell>{id ? (clinicName.get(id) ?? id) : "All clinics (scheduled)"}</TableCell>
                    <TableCell>{s.runs}</TableCell>
                    <TableCell>{s.failed}</TableCell>
                    <TableCell>{s.skipped}</TableCell>
                    <TableCell>{formatDuration(avg.get(id) ?? null)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <form method="get" aria-label="Filter job runs" className="mb-4 flex flex-wrap items-end gap-3">
        <ClinicFilterSelect id="jobs-clinic" organizations={organizations} value={filter.organizationId} />
        <FilterSelect id="jobs-status" name="status" label="Status" anyLabel="Any status" options={asOptions(jobRunStatuses)} value={filter.status} />
        <Button type="submit" variant="outline">
          Apply filters
        </Button>
      </form>
      {runs.length === 0 ? (
        <EmptyState icon={Activity} title="No job runs">
          {filter.organizationId || filter.status ? "Nothing matches these filters." : "Runs appear here once a sync, document or prep sheet job starts."}
        </EmptyState>
      ) : (
        <Card>
          <CardContent className="pt-6">
            <JobRunsTable runs={runs} showClinic homeZone={homeZone} timeZones={Object.fromEntries(organizations.map((o) => [o.id, o.timeZone]))} />
          </CardContent>
        </Card>
      )}
      <PageLinks label="Job run pages" path="/admin/jobs" filter={filters} page={page} hasNext={hasNext} items="runs" />
    </>
  );
}
