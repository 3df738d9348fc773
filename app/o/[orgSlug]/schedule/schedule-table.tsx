"use client";
import Link from "next/link";
import { useEffect, useState } from "react";
import { badgeVariants } from "@/components/ui/badge";
import { Table, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { LinkPending } from "@/app/_components/link-pending";
import { formatClinicTime } from "@/lib/dates/format-clinic-time";
import { DocumentProgress, type DocumentCounts } from "./document-progress";
import { RowActions } from "./row-actions";
import { useScheduleProgress } from "./schedule-progress";

type Row = {
  appointmentId: string;
  patientId: string;
  startAt: string;
  visitType: string | null;
  appointmentStatus: string;
  prepStatus: string;
  prepSheetId?: string | null;
  documents: DocumentCounts;
  prepError?: string | null;
  refreshFailed?: { since: string; reason: string } | null;
};
type Day = { rows: Row[]; sync: { status: string; at: string | null; error: string | null } };
type Banner = { name: string; birthDate: string | null; sex: string | null };

// The badge classes are worked out once here, not per row: the table re-renders every poll.
const prepLabel: Record<string, { label: string; className: string }> = {
  pending: { label: "Not started", className: badgeVariants({ variant: "secondary" }) },
  in_progress: { label: "Preparing", className: badgeVariants({ variant: "info" }) },
  ready: { label: "Ready", className: badgeVariants({ variant: "success" }) },
  needs_review: { label: "Needs review", className: badgeVariants({ variant: "warning" }) },
  failed: { label: "Failed", className: badgeVariants({ variant: "danger" }) },
};
// What TableRow and TableCell render, as constants: 40 rows × 6 cells would otherwise merge the same
// class strings (tailwind-merge) on every render. The cell padding is set once on the body.
const rowClass = "border-b transition-colors hover:bg-muted/50";
const bodyClass = "[&_tr:last-child]:border-0 [&>tr>td]:px-3 [&>tr>td]:py-2.5 [&>tr>td]:align-middle";
// On a tablet the table scrolls sideways; the actions stay pinned to its right edge, never cut off.
const stickyActions = "sticky right-0 bg-background max-lg:shadow-[-8px_0_8px_-8px_rgb(0_0_0/0.2)]";

function settled(day: Day): boolean {
  if (day.sync.status === "running") return false;
  return day.rows.every((r) => r.prepStatus !== "in_progress" && r.documents.done + r.documents.failed >= r.documents.total);
}

/** Job error text is "code: message"; people need the message. */
const failureReason = (error: string) => error.replace(/^[a-z_]+: /, "");

type TableProps = {
  orgSlug: string;
  date: string;
  who: "me" | "clinic";
  timeZone: string;
  initial: Day;
  names: Record<string, Banner>;
  canGenerate: boolean;
  canWriteBack: boolean;
};

/** The day's appointments; statuses refresh every few seconds while anything is still in progress. */
export function ScheduleTable(props: TableProps) {
  const [day, setDay] = useState(props.initial);
  const { publish } = useScheduleProgress();
  // A server action revalidated the page (Sync now, Prepare all, Regenerate): start again from the fresh rows.
  useEffect(() => setDay(props.initial), [props.initial]);
  useEffect(() => {
    publish({ preparing: day.rows.filter((r) => r.prepStatus === "in_progress").length, failed: day.rows.filter((r) => r.prepStatus === "failed").length });
  }, [day, publish]);
  useEffect(() => {
    if (settled(day)) return;
    const timer = setTimeout(async () => {
      const response = await fetch(`/api/orgs/${props.orgSlug}/schedule?date=${props.date}&who=${props.who}`, { cache: "no-store" });
      if (response.ok) setDay((await response.json()) as Day);
    }, 2500);
    return () => clearTimeout(timer);
  }, [day, props.orgSlug, props.date, props.who]);

  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground" aria-live="polite" data-testid="sync-status">
        {day.sync.status === "running" ? "Syncing the schedule from Epic…" : null}
        {day.sync.status === "never" ? "Not synced from Epic yet." : null}
        {day.sync.status === "failed" ? `Last sync failed: ${day.sync.error ?? "unknown reason"}` : null}
        {day.sync.status === "succeeded" || day.sync.status === "partial"
          ? `Synced from Epic ${day.sync.at ? formatClinicTime(day.sync.at, props.timeZone) : ""}${day.sync.status === "partial" ? " (some data missing)" : ""}`
          : null}
      </p>
      {day.rows.length === 0 ? null : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Time</TableHead>
              <TableHead>Patient</TableHead>
              <TableHead>Visit</TableHead>
              <TableHead>Prep</TableHead>
              <TableHead>Documents</TableHead>
              {props.canGenerate || props.canWriteBack ? <TableHead className={stickyActions}>Actions</TableHead> : null}
            </TableRow>
          </TableHeader>
          <tbody className={bodyClass}>
            {day.rows.map((r) => {
              const banner = props.names[r.patientId];
              const prep = prepLabel[r.prepStatus] ?? prepLabel.pending!;
              const startsAt = formatClinicTime(r.startAt, props.timeZone);
              const patientLabel = banner?.name ?? `the ${startsAt} patient`;
              return (
                <tr key={r.appointmentId} className={rowClass} data-testid="appointment-row">
                  <td className="whitespace-nowrap font-medium tabular-nums">{startsAt}</td>
                  <td>
                    {/* No prefetch: 40 rows × 2 links in view would each fetch a page the user may never open. */}
                    <Link href={`/o/${props.orgSlug}/patients/${r.patientId}`} prefetch={false} className="font-medium underline-offset-4 hover:underline" data-testid="patient-name">
                      {banner?.name ?? "Name unavailable"}
                      <LinkPending />
                    </Link>
                    {banner?.birthDate ? <div className="text-xs text-muted-foreground">{`Born ${banner.birthDate}`}</div> : null}
                  </td>
                  <td className="text-muted-foreground">{`${r.visitType ?? "Visit"}${r.appointmentStatus === "cancelled" ? " (cancelled)" : ""}`}</td>
                  <td>
                    <div className="flex flex-wrap items-center gap-2">
                      <span className={prep.className}>{prep.label}</span>
                      {r.prepSheetId ? (
                        <Link href={`/o/${props.orgSlug}/prep-sheets/${r.prepSheetId}`} prefetch={false} className="text-xs font-medium text-primary underline-offset-4 hover:underline" data-testid="prep-sheet-link" aria-label={`Open prep sheet for ${patientLabel}`}>
                          Prep sheet
                          <LinkPending />
                        </Link>
                      ) : null}
                    </div>
                    {r.refreshFailed && r.prepStatus !== "failed" ? (
                      <p className="mt-1 max-w-56 text-xs text-amber-800" data-testid="prep-refresh-failed">
                        {`Not refreshed since ${formatClinicTime(r.refreshFailed.since, props.timeZone)}, ${r.refreshFailed.reason}`}
                      </p>
                    ) : null}
                    {r.prepStatus === "failed" && r.prepError ? (
                      <p className="mt-1 max-w-56 text-xs text-destructive" data-testid="prep-error">{failureReason(r.prepError)}</p>
                    ) : null}
                  </td>
                  <td className="min-w-44">
                    <DocumentProgress documents={r.documents} orgSlug={props.orgSlug} patientId={r.patientId} patientLabel={patientLabel} canRetry={props.canGenerate} />
                  </td>
                  {props.canGenerate || props.canWriteBack ? (
                    <td className={stickyActions}>
                      <RowActions
                        orgSlug={props.orgSlug}
                        appointmentId={r.appointmentId}
                        prepSheetId={r.prepSheetId ?? null}
                        prepStatus={r.prepStatus}
                        patientLabel={patientLabel}
                        canGenerate={props.canGenerate}
                        canWriteBack={props.canWriteBack}
                      />
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
    </div>
  );
}
