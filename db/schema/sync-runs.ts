import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import type { Id } from "@/lib/ids";
import { organizations } from "./organizations";

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
    id: text("id").$type<Id<"syncRun">>().primaryKey(),
    organizationId: text("organization_id")
      .$type<Id<"organization">>()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: syncRunKinds }).notNull(),
    mode: text("mode", { enum: syncRunModes }),
    patientId: text("patient_id").$type<Id<"patient">>(),
    /** A user id, or "system" for cron and fan-out runs. */
    triggeredBy: text("triggered_by").notNull(),
    status: text("status", { enum: syncRunStatuses }).notNull().default("running"),
    rangeStart: timestamp("range_start", { withTimezone: true }),
    rangeEnd: timestamp("range_end", { withTimezone: true }),
    counts: jsonb("counts").$type<Record<string, number>>().notNull().default({}),
    errorCode: text("error_code"),
    errorReason: text("error_reason"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    index("sync_runs_org_kind_started_idx").on(t.organizationId, t.kind, t.startedAt),
    index("sync_runs_org_patient_idx").on(t.organizationId, t.patientId),
  ],
);
