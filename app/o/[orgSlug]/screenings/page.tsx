import type { Metadata } from "next";
import Link from "next/link";
import { ClipboardCheck, Download, Plus } from "lucide-react";
import { PageHeader } from "@/app/_components/page-header";
import { SectionCard } from "@/app/_components/section-card";
import { EmptyState } from "@/app/_components/empty-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { hasPermission } from "@/lib/auth/permissions";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { listScreeningTypeSummaries, screeningTypeStatusFilters, type ScreeningTypeStatusFilter } from "@/lib/screening-data/list-screening-type-summaries";
import { listScreeningPresets } from "@/lib/screening-data/screening-presets";
import { cn } from "@/lib/utils";
import { ImportPanel } from "./import-panel";
import { PresetPanel } from "./preset-panel";
import { ScreeningTypeActiveButton } from "./screening-type-active-button";

export const metadata: Metadata = { title: "Screenings" };

const filterLabels: Record<ScreeningTypeStatusFilter, string> = { all: "All", active: "Active", inactive: "Inactive" };

function timingText(timing: { dueSoonDays: number | null; overdueAfterDays: number | null } | null): string | null {
  if (!timing || (timing.dueSoonDays === null && timing.overdueAfterDays === null)) return null;
  return [timing.dueSoonDays === null ? null : `due soon ${timing.dueSoonDays} d`, timing.overdueAfterDays === null ? null : `overdue after ${timing.overdueAfterDays} d`]
    .filter(Boolean)
    .join(", ");
}

export default async function ScreeningsPage(props: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ status?: string }> }) {
  const { orgSlug } = await props.params;
  const { organization, role, actor, db } = await requireOrgPage(orgSlug, "screening_types.read");
  const requested = (await props.searchParams).status;
  const status = screeningTypeStatusFilters.find((s) => s === requested) ?? "all";
  const { types, counts } = await listScreeningTypeSummaries(db, { organizationId: organization.id, status });
  const canManage = hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, "screening_types.manage");
  const base = `/o/${organization.slug}/screenings`;
  return (
    <>
      <PageHeader
        title="Screenings"
        description="The preventive screenings this clinic tracks."
        actions={
          <>
            {counts.all > 0 ? (
              <Button asChild variant="outline" size="sm">
                <a href={`/api/orgs/${organization.slug}/screening-types/export`} download>
                  <Download aria-hidden /> Export JSON
                </a>
              </Button>
            ) : null}
            {canManage ? (
              <Button asChild size="sm">
                <Link href={`${base}/new`}>
                  <Plus aria-hidden /> New screening type
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      {canManage ? null : (
        <p className="mb-4 text-sm text-muted-foreground" data-testid="read-only-note">
          You can view this clinic&apos;s screening types. Clinic administrators change them.
        </p>
      )}
      <div className="grid gap-6">
        {counts.all === 0 ? (
          <EmptyState icon={ClipboardCheck} title="No screening types configured">
            {canManage
              ? "Apply a preset below (for example USPSTF adult primary care), import a JSON file, or add screening types one by one."
              : "A clinic administrator can apply a preset or add screening types."}
          </EmptyState>
        ) : (
          <Card>
            <CardHeader className="flex-row flex-wrap items-center justify-between gap-3">
              <CardTitle>Screening types</CardTitle>
              <nav aria-label="Filter by status" className="flex gap-1">
                {screeningTypeStatusFilters.map((s) => (
                  <Link
                    key={s}
                    href={s === "all" ? base : `${base}?status=${s}`}
                    aria-current={s === status ? "page" : undefined}
                    className={cn(
                      "rounded-md px-3 py-1.5 text-sm transition-colors",
                      s === status ? "bg-accent font-medium text-accent-foreground" : "text-muted-foreground hover:bg-muted hover:text-foreground",
                    )}
                  >
                    {filterLabels[s]} ({counts[s]})
                  </Link>
                ))}
              </nav>
            </CardHeader>
            <CardContent>
              {types.length === 0 ? (
                <p className="py-6 text-center text-sm text-muted-foreground">No {status} screening types.</p>
              ) : (
                <Table>
                  <TableHeader>
                    <TableRow>
                      <TableHead>Name</TableHead>
                      <TableHead>Eligibility</TableHead>
                      <TableHead>Frequency</TableHead>
                      <TableHead>Status</TableHead>
                      <TableHead>Origin</TableHead>
                      {canManage ? (
                        <TableHead>
                          <span className="sr-only">Actions</span>
                        </TableHead>
                      ) : null}
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {types.map((t) => (
                      <TableRow key={t.id} data-testid="screening-type-row">
                        <TableCell>
                          <Link className="font-medium text-primary underline-offset-4 hover:underline" href={`${base}/${t.id}`}>
                            {t.name}
                          </Link>
                          <div className="font-mono text-xs text-muted-foreground">
                            {t.key} · v{t.version}
                          </div>
                        </TableCell>
                        <TableCell className="max-w-72 text-sm">{t.eligibility ?? <span className="text-destructive">Stored definition does not pass the current schema</span>}</TableCell>
                        <TableCell className="text-sm">
                          {t.frequency}
                          {timingText(t.timing) ? <div className="text-xs text-muted-foreground">{timingText(t.timing)}</div> : null}
                        </TableCell>
                        <TableCell>
                          <Badge variant={t.active ? "success" : "secondary"}>{t.active ? "Active" : "Inactive"}</Badge>
                        </TableCell>
                        <TableCell className="text-sm text-muted-foreground">
                          {t.preset ? `${t.preset.key}${t.preset.version === null ? "" : ` v${t.preset.version}`}` : "Clinic-defined"}
                        </TableCell>
                        {canManage ? (
                          <TableCell>
                            <ScreeningTypeActiveButton orgSlug={organization.slug} screeningTypeId={t.id} name={t.name} active={t.active} />
                          </TableCell>
                        ) : null}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </CardContent>
          </Card>
        )}
        {canManage ? (
          <>
            <SectionCard
              title="Presets"
              description="Add a published set of screenings. Types you have changed are kept unless you choose to replace them; types not in the preset are never touched."
            >
              <PresetPanel orgSlug={organization.slug} presets={listScreeningPresets()} />
            </SectionCard>
            <SectionCard
              title="Import JSON"
              description="A file exported from HealthPrep (this or another clinic) or a preset file. You see what would change before anything is saved."
            >
              <ImportPanel orgSlug={organization.slug} />
            </SectionCard>
          </>
        ) : null}
      </div>
    </>
  );
}
