import type { Metadata } from "next";
import { CalendarDays } from "lucide-react";
import { headers } from "next/headers";
import Link from "next/link";
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
import { resolveScheduleScope } from "@/lib/schedule/resolve-schedule-scope";
import { scheduleDateSchema, scheduleWhoSchema } from "@/lib/schedule/schedule-schemas";
import { PrepareAllButton } from "./prepare-all-button";
import { ScheduleProgressProvider } from "./schedule-progress";
import { ScheduleTable } from "./schedule-table";
import { SyncNowButton } from "./sync-now-button";
import { WhoToggle } from "./who-toggle";

export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage(props: { params: Promise<{ orgSlug: string }>; searchParams: Promise<{ date?: string; who?: string }> }) {
  const { orgSlug } = await props.params;
  const { organization, role, actor, db } = await requireOrgPage(orgSlug, "settings.read");
  const today = localDate(organization.timeZone, new Date());
  const query = await props.searchParams;
  const requested = scheduleDateSchema.safeParse(query.date);
  const date = requested.success ? requested.data : today;
  const description = `${formatLongDate(date)} · ${organization.name} (${organization.timeZone})`;
  const can = (permission: Parameters<typeof hasPermission>[1]) => hasPermission({ role, isPlatformAdmin: actor.isPlatformAdmin }, permission);
  if (!can("schedule.read")) {
    return (
      <>
        <PageHeader title="Schedule" description={description} />
        <EmptyState icon={CalendarDays} title="Schedules are visible to clinic members">
          Platform administrators manage this clinic&apos;s configuration; patient schedules are visible to clinic members only.
        </EmptyState>
      </>
    );
  }
  const [scope, sync] = await Promise.all([
    resolveScheduleScope(db, { organizationId: organization.id, userId: actor.userId, role, who: scheduleWhoSchema.safeParse(query.who).data }),
    // Opening the schedule pulls it from Epic unless a sync is running or just finished.
    requestScheduleSync(db, { organizationId: organization.id, userId: actor.userId, date }).catch(() => null),
  ]);
  const day = await getScheduleDay(db, { organizationId: organization.id, timeZone: organization.timeZone, date, practitionerId: scope.practitionerId });
  const names = await loadPatientNames(
    db,
    { organizationId: organization.id, userId: actor.userId, patients: day.rows, date, timeZone: organization.timeZone },
    requestMetaFromHeaders(await headers()),
  );
  const initial = { ...day, sync: sync?.requested && day.sync.status !== "running" ? { ...day.sync, status: "running" as const } : day.sync };
  const base = `/o/${organization.slug}/schedule`;
  return (
    <ScheduleProgressProvider>
      <PageHeader
        title="Schedule"
        description={description}
        actions={
          // Wraps at tablet width, where the buttons and the "Preparing…" status outgrow one line.
          <div className="flex flex-wrap items-center gap-2">
            <WhoToggle base={base} date={date} who={scope.who} />
            <form className="flex items-center gap-2" method="get">
              <Input type="date" name="date" defaultValue={date} aria-label="Date" className="w-40" />
              <input type="hidden" name="who" value={scope.who} />
              <Button type="submit" variant="outline" size="sm">Go</Button>
            </form>
            <SyncNowButton orgSlug={organization.slug} date={date} />
            {can("prep_sheets.generate") ? <PrepareAllButton orgSlug={organization.slug} date={date} who={scope.who} /> : null}
          </div>
        }
      />
      {day.rows.length === 0 && initial.sync.status !== "running" ? (
        scope.who === "me" ? (
          <EmptyState icon={CalendarDays} title={`No appointments for you on ${formatLongDate(date)}`}>
            {scope.canShowMine ? "Epic has no visits with you as the provider this day." : "Your account is not linked to an Epic provider in this clinic."}{" "}
            <Link href={`${base}?date=${date}&who=clinic`} className="font-medium text-primary underline-offset-4 hover:underline">
              Show the whole clinic&apos;s schedule
            </Link>
          </EmptyState>
        ) : (
          <EmptyState icon={CalendarDays} title={`No appointments on ${formatLongDate(date)}`}>
            {initial.sync.status === "failed" ? `The last sync from Epic failed: ${initial.sync.error ?? "unknown reason"}.` : "Nothing is scheduled for this day in Epic."}
          </EmptyState>
        )
      ) : (
        <ScheduleTable
          orgSlug={organization.slug}
          date={date}
          who={scope.who}
          timeZone={organization.timeZone}
          initial={initial}
          names={Object.fromEntries(names)}
          canGenerate={can("prep_sheets.generate")}
          canWriteBack={can("prep_sheets.write_back")}
        />
      )}
    </ScheduleProgressProvider>
  );
}
