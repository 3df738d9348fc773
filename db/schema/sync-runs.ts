import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import type { Id } from "@/lib/ids";
import { idColumn, instant } from "./columns";
import { organizationIdColumn } from "./organizations";

export const syncRunKinds = ["schedule", "patient"] as const;
export const syncRunModes = ["incremental", "full"] as const;
export const syncRunStatuses = ["running", "succeeded", "partial", "failed"] as const;
export type SyncRunStatus = (typeof syncRunStatuses)[number];

/**
 * One sync attempt, for the clinic's status page and debugging. Counts and codes only: `errorReason`
 * is built from FhirError/AppError messages, which carry no PHI.
 */
export const syncRuns = pgTable(
  "sync_runs",
  {
    id: idColumn<"syncRun">(),
    organizationId: organizationIdColumn(),
    kind: text("kind", { enum: syncRunKinds }).notNull(),
    mode: text("mode", { enum: syncRunModes }),
    patientId: text("patient_id").$type<Id<"patient">>(),
    /** A user id, or "system" for cron and fan-out runs. */
    triggeredBy: text("triggered_by").notNull(),
    status: text("status", { enum: syncRunStatuses }).notNull().default("running"),
    rangeStart: instant("range_start"),
    rangeEnd: instant("range_end"),
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    errorCode: text("error_code"),
    errorReason: text("error_reason"),
    startedAt: instant("started_at").notNull(),
    finishedAt: instant("finished_at"),
    /**
     * While `running`, the syncing process renews this; once it lapses the process is gone (killed,
     * crashed) and the run is ended `failed` with code `interrupted` by the next sync of the clinic.
     */
    leaseExpiresAt: instant("lease_expires_at"),
  },
  (t) => [
    index("sync_runs_org_kind_started_idx").on(t.organizationId, t.kind, t.startedAt),
    // A patient's newest run is one backward index step (the schedule asks for 40 of them per view and poll).
    index("sync_runs_org_patient_started_idx").on(t.organizationId, t.patientId, t.startedAt),
    index("sync_runs_running_lease_idx").on(t.organizationId, t.leaseExpiresAt).where(sql`${t.status} = 'running'`),
  ],
);
