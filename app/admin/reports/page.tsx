import type { Metadata } from "next";
import Link from "next/link";
import { BarChart3 } from "lucide-react";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getUsageReports, throughputDays } from "@/lib/admin/get-usage-reports";
import { requirePlatformPage } from "@/lib/http/require-org-page";
import { CompletionBars } from "./completion-bars";
import { ThroughputChart } from "./throughput-chart";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const { db } = await requirePlatformPage();
  const clinics = await getUsageReports(db, new Date());
  return (
    <>
      <PageHeader title="Reports" description="Aggregates per clinic: counts only, no patient is identified." />
      {clinics.length === 0 ? (
        <EmptyState icon={BarChart3} title="No clinics yet">
          Reports appear once a clinic exists.
        </EmptyState>
      ) : (
        <div className="grid gap-6">
          {clinics.map((c) => (
            <Card key={c.id} data-testid="clinic-report">
              <CardHeader>
                <CardTitle>
                  <Link className="hover:underline" href={`/admin/organizations/${c.id}`}>
                    {c.name}
                  </Link>
                </CardTitle>
                <CardDescription>Days are in the clinic&apos;s time zone ({c.timeZone}).</CardDescription>
              </CardHeader>
              <CardContent className="grid gap-6 lg:grid-cols-2">
                <section aria-label={`Screening completion at ${c.name}`} className="grid gap-2">
                  <h2 className="text-sm font-medium">Screening completion</h2>
                  {c.completion.length === 0 ? (
                    <p className="text-sm text-muted-foreground">No screening results yet.</p>
                  ) : (
                    <CompletionBars rows={c.completion} label={`Share of eligible patients with the screening complete, per type, at ${c.name}`} />
                  )}
                </section>
                <section aria-label={`Prep sheet throughput at ${c.name}`} className="grid gap-2">
                  <h2 className="text-sm font-medium">Prep sheets per day</h2>
                  {c.throughput.every((d) => d.count === 0) ? (
                    <p className="text-sm text-muted-foreground">No prep sheet in the last {throughputDays} days.</p>
                  ) : (
                    <ThroughputChart series={c.throughput} label={`Prep sheets created per day, last ${throughputDays} days, at ${c.name}`} />
                  )}
                </section>
              </CardContent>
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
