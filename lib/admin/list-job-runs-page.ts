import "server-only";
import type { Db } from "@/db/client";
import { countJobRunsByClinic, listJobRuns } from "@/db/queries/job-runs";
import { jobEventSchemas } from "@/lib/jobs/events";
import type { JobRunFilterInput } from "./admin-schemas";

export const jobRunsPageSize = 50;

/** Platform console: recent runs across clinics (newest first), and per-clinic totals of the last day. */
export async function listJobRunsPage(db: Db, input: JobRunFilterInput, now: Date) {
  const page = input.page ?? 1;
  const [rows, totals] = await Promise.all([
    listJobRuns(db, {
      ...(input.organizationId ? { organizationId: input.organizationId as never } : {}),
      ...(input.status ? { status: input.status } : {}),
      limit: jobRunsPageSize + 1,
      offset: (page - 1) * jobRunsPageSize,
    }),
    countJobRunsByClinic(db, new Date(now.getTime() - 86_400_000)),
  ]);
  return { runs: rows.slice(0, jobRunsPageSize).map(describeJobRun), totals, page, hasNext: rows.length > jobRunsPageSize };
}

/** A run as the console shows it: duration, and whether Retry applies (failed runs of app events). */
export function describeJobRun({ run, organizationName, organizationSlug }: Awaited<ReturnType<typeof listJobRuns>>[number]) {
  return {
    ...run,
    organizationName,
    organizationSlug,
    durationMs: run.finishedAt ? run.finishedAt.getTime() - run.startedAt.getTime() : null,
    retryable: run.status === "failed" && jobEventSchemas[run.eventName] !== undefined,
  };
}
