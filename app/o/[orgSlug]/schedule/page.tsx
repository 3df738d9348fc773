import type { Metadata } from "next";
import { CalendarDays } from "lucide-react";
import { headers } from "next/headers";
import { EmptyState } from "@/app/_components/empty-state";
import { PageHeader } from "@/app/_components/page-header";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { formatLongDate, localDate } from "@/lib/dates/local-date";
import { hasPermission } from "@/lib/auth/permissions";
import { requestMetaFromHeaders } from "@/lib/http/request-meta";
import { requireOrgPage } from "@/lib/http/require-org-page";
import { getScheduleDay } from "@/lib/schedule/get-schedule-day";
import { loadPatientNames } from "@/lib/schedule/load-patient-names";
import { requestScheduleSync } from "@/lib/schedule/request-schedule-sync";
import { scheduleDateSchema } from "@/lib/schedule/schedule-schemas";
import { PrepareAllButton } from "./prepare-all-button";
import { SyncNowButton } from "./sync-now-button";
import { ScheduleTable } from "./schedule-table";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage(props: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ date?: string }> }) {
  const { orgSlug } = await props.params;
  const { organization, role, actor, db } = await requireOrgPage(orgSlug, "settings.read");
  const today = localDate(organization.timeZone, new Date());
  const requested = scheduleDateSchema.safeParse((await props.searchParams).date);
  const date = requested.success ? requested.data : today;
  const description = `${formatLongDate(date)} · ${organization.name} (${organization.timeZone})`;
  if (!hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, "schedule.read")) {
    return (
      <>
        <PageHeader title="Schedule" description={description} />
        <EmptyState icon={CalendarDays} title="Schedules are visible to clinic members">
          Platform administrators manage this clinic&apos;s configuration; patient schedules are visible to clinic members only.
        </EmptyState>
      </>
    );
  }
  // Opening the schedule pulls it from Epic unless a sync is running or just finished.
  const sync = await requestScheduleSync(db, { organizationId: organization.id, userId: actor.userId, date }).catch(() => null);
  const day = await getScheduleDay(db, { organizationId: organization.id, timeZone: organization.timeZone, date });
  const names = await loadPatientNames(
    db,
    { organizationId: organization.id, userId: actor.userId, patients: day.rows },
    requestMetaFromHeaders(await headers()),
  );
  const initial = { ...day, sync: sync?.requested && day.sync.status !== "running" ? { ...day.sync, status: "running" as const } : day.sync };
  return (
    <>
      <PageHeader
        title="Schedule"
        description={description}
        actions={
          // Wraps at tablet width, where the buttons and the "Preparing…" status outgrow one line.
          <div className="flex flex-wrap items-center gap-2">
            <form className="flex items-center gap-2" method="get">
              <Input type="date" name="date" defaultValue={date} aria-label="Date" className="w-40" />
              <Button type="submit" variant="outline" size="sm">Go</Button>
            </form>
            <SyncNowButton orgSlug={organization.slug} date={date} />
            {hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, "prep_sheets.generate") ? <PrepareAllButton orgSlug={organization.slug} date={date} /> : null}
          </div>
        }
      />
      {day.rows.length === 0 && initial.sync.status !== "running" ? (
        <EmptyState icon={CalendarDays} title={`No appointments on ${formatLongDate(date)}`}>
          {initial.sync.status === "failed" ? `The last sync from Epic failed: ${initial.sync.error ?? "unknown reason"}.` : "Nothing is scheduled for this day in Epic."}
        </EmptyState>
      ) : (
        <ScheduleTable orgSlug={organization.slug} date={date} timeZone={organization.timeZone} initial={initial} names={Object.fromEntries(names)} />
      )}
    </>
  );
}
