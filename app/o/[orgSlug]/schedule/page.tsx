import type { Metadata } from "next";
import { CalendarDays } from "lucide-react";
import Link from "next/link";
import { PageHeader } from "@/app/_components/page-header";
import { EmptyState } from "@/app/_components/empty-state";
import { formatLongDate, localDate } from "@/lib/dates/local-date";
import { requireOrgPage } from "@/lib/http/require-org-page";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const { organization, role } = await requireOrgPage(orgSlug, "settings.read");
  const today = localDate(organization.timeZone, new Date());
  const canReadSchedule = role !== null;
  return (
    <>
      <PageHeader title="Schedule" description={`${formatLongDate(today)} · ${organization.name} (${organization.timeZone})`} />
      <EmptyState icon={CalendarDays} title="No appointments synced for today">
        {canReadSchedule ? (
          <>
            Appointments appear here once this clinic is connected to Epic and the schedule has synced.{" "}
            {role === "org_admin" ? (
              <Link className="text-primary underline-offset-4 hover:underline" href={`/o/${orgSlug}/settings`}>
                Open settings
              </Link>
            ) : (
              "Ask a clinic administrator to connect Epic."
            )}
          </>
        ) : (
          "Platform administrators manage this clinic's configuration; patient schedules are visible to clinic members only."
        )}
      </EmptyState>
    </>
  );
}
