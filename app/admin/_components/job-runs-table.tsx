import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatClinicDateTime } from "@/lib/dates/format-clinic-time";
import { readerTimeZone } from "@/lib/dates/reader-time-zone";
import { TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { RetryButton } from "./retry-button";
import { ScrollTable } from "./scroll-table";

export type JobRunView = {
  id: string;
  functionId: string;
  eventName: string;
  status: "running" | "succeeded" | "failed" | "skipped";
  attempts: number;
  errorMessage: string | null;
  retryOfId: string | null;
  startedAt: Date;
  durationMs: number | null;
  retryable: boolean;
  organizationId: string | null;
  organizationName?: string | null;
};

const statusVariant = { running: "info", succeeded: "success", failed: "danger", skipped: "warning" } as const;

export function formatDuration(ms: number | null): string {
  if (ms === null) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

/** Job runs: ids, function names, statuses and AppError reasons only — nothing about patients. */
export function JobRunsTable({ runs, showClinic, homeZone, timeZones = {} }: {
  runs: JobRunView[];
  showClinic: boolean;
  /** The reader's own clinic's zone (readerTimeZone): every run reads in it when set. */
  homeZone: string | null;
  /** Clinic id → its zone, for readers of no clinic; runs of no clinic then read in UTC. */
  timeZones?: Record<string, string>;
}) {
  return (
    <ScrollTable label="Job runs">
        <TableHeader>
          <TableRow>
            <TableHead>Started</TableHead>
            {showClinic ? <TableHead>Clinic</TableHead> : null}
            <TableHead>Function</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Duration</TableHead>
            <TableHead>Attempts</TableHead>
            <TableHead>Reason</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {runs.map((run) => (
            <TableRow key={run.id} data-testid="job-run-row">
              <TableCell className="whitespace-nowrap text-xs tabular-nums">{formatClinicDateTime(run.startedAt, readerTimeZone(homeZone, run.organizationId ? timeZones[run.organizationId] : null))}</TableCell>
              {showClinic ? (
                <TableCell>
                  {run.organizationId ? (
                    <Link className="hover:underline" href={`/admin/organizations/${run.organizationId}`}>
                      {run.organizationName ?? run.organizationId}
                    </Link>
                  ) : (
                    <span className="text-muted-foreground">All clinics</span>
                  )}
                </TableCell>
              ) : null}
              <TableCell>
                <div className="font-mono text-xs">{run.functionId}</div>
                {run.retryOfId ? <div className="text-xs text-muted-foreground">retry of {run.retryOfId}</div> : null}
              </TableCell>
              <TableCell>
                <Badge variant={statusVariant[run.status]}>{run.status}</Badge>
              </TableCell>
              <TableCell className="whitespace-nowrap">{formatDuration(run.durationMs)}</TableCell>
              <TableCell>{run.attempts}</TableCell>
              <TableCell className="max-w-xs break-words text-xs">{run.errorMessage ?? "—"}</TableCell>
              <TableCell>{run.retryable ? <RetryButton jobRunId={run.id} label={`${run.functionId} run ${run.id}`} /> : null}</TableCell>
            </TableRow>
          ))}
        </TableBody>
    </ScrollTable>
  );
}
