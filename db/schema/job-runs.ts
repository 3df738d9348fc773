import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { Id } from "@/lib/ids";
import { cascadeReference, createdAtColumn, idColumn, instant } from "./columns";
import { organizations } from "./organizations";

export const jobRunStatuses = ["running", "succeeded", "failed", "skipped"] as const;
export type JobRunStatus = (typeof jobRunStatuses)[number];

/**
 * One run of a job function (Inngest or the in-process runner), written by the run recorder in
 * inngest/. `eventData` is the triggering event's payload, which the event schemas restrict to ids,
 * dates and flags — that is what Retry re-sends. `errorMessage` comes from AppError messages, which
 * carry no PHI, and is truncated. `organizationId` is null for cron runs that span clinics.
 */
export const jobRuns = pgTable(
  "job_runs",
  {
    id: idColumn<"job">(),
    /** Inngest's run id (one row across the many requests of a run); null in the in-process runner. */
    externalRunId: text("external_run_id"),
    functionId: text("function_id").notNull(),
    organizationId: text("organization_id")
      .$type<Id<"organization">>()
      .references(() => organizations.id, { onDelete: "cascade" }),
    eventName: text("event_name").notNull(),
    eventData: jsonb("event_data").$type<Record<string, unknown>>().notNull().default({}),
    status: text("status", { enum: jobRunStatuses }).notNull().default("running"),
    attempts: integer("attempts").notNull().default(1),
    errorMessage: text("error_message"),
    /** The run this one retried, when started from the console's Retry. */
    retryOfId: text("retry_of_id").$type<Id<"job">>(),
    startedAt: instant("started_at").notNull(),
    finishedAt: instant("finished_at"),
    /** In-process runner: the event id or idempotency key, so a resumed process does not start a run twice. */
    dedupeKey: text("dedupe_key"),
    /** In-process runner: the owning process renews this while the run is queued or running; once it lapses another process resumes the run. */
    leaseExpiresAt: instant("lease_expires_at"),
  },
  (t) => [
    uniqueIndex("job_runs_external_run_idx").on(t.externalRunId),
    index("job_runs_org_started_idx").on(t.organizationId, t.startedAt),
    index("job_runs_status_started_idx").on(t.status, t.startedAt),
    index("job_runs_dedupe_idx").on(t.functionId, t.dedupeKey),
  ],
);

/**
 * Memoised step outputs of in-process runs (Inngest keeps its own), so a run resumed after a crash
 * skips the steps it finished. Outputs are ids, counts and statuses by the JobStep contract.
 */
export const jobRunSteps = pgTable(
  "job_run_steps",
  {
    jobRunId: cascadeReference<"job">("job_run_id", () => jobRuns.id),
    stepId: text("step_id").notNull(),
    output: jsonb("output"),
    createdAt: createdAtColumn(),
  },
  (t) => [primaryKey({ name: "job_run_steps_pk", columns: [t.jobRunId, t.stepId] })],
);
