import { boolean, date, index, integer, jsonb, pgTable, primaryKey, text, unique } from "drizzle-orm/pg-core";
import { cascadeReference, idColumn, instant, timestamps } from "./columns";
import { users } from "./auth";
import { organizationIdColumn } from "./organizations";
import { patientIdColumn } from "./patients";

/**
 * A clinic's screening types: one row per (clinic, key). `definition` is the type's JSON as
 * screeningTypeSchema validates it (lib/screening); `version` mirrors definition.version and goes up
 * on every change. `presetKey`/`presetVersion` say which preset the row came from, if any.
 */
export const screeningTypes = pgTable(
  "screening_types",
  {
    id: idColumn<"screeningType">(),
    organizationId: organizationIdColumn(),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    name: text("name").notNull(),
    definition: jsonb("definition").$type<Record<string, unknown>>().notNull(),
    active: boolean("active").notNull().default(true),
    presetKey: text("preset_key"),
    presetVersion: integer("preset_version"),
    ...timestamps(),
  },
  (t) => [unique("screening_types_org_key_unique").on(t.organizationId, t.key), index("screening_types_org_active_idx").on(t.organizationId, t.active)],
);

export const screeningResultStatuses = ["complete", "due_soon", "due", "overdue", "not_eligible", "excluded", "needs_review"] as const;
export const screeningSelections = ["standalone", "primary", "superseded"] as const;

/**
 * The latest evaluation per (patient, type). Status and dates are in clear so lists can filter;
 * reasons and the evidence summary (terms, snippets of document text) are encrypted with aad
 * `screening_results.details:<organizationId>:<id>`. `evidenceIds` hold our evidence ids
 * (`role:source:recordId`) for review decisions. `inputHash` covers facts, definition, decisions
 * and asOf: an unchanged hash means the stored row is already the answer.
 */
export const screeningResults = pgTable(
  "screening_results",
  {
    id: idColumn<"screeningResult">(),
    organizationId: organizationIdColumn(),
    patientId: patientIdColumn(),
    screeningTypeId: cascadeReference<"screeningType">("screening_type_id", () => screeningTypes.id),
    screeningTypeKey: text("screening_type_key").notNull(),
    screeningTypeVersion: integer("screening_type_version").notNull(),
    status: text("status", { enum: screeningResultStatuses }).notNull(),
    provisionalStatus: text("provisional_status", { enum: screeningResultStatuses }).notNull(),
    selection: text("selection", { enum: screeningSelections }).notNull(),
    lastCompleted: date("last_completed", { mode: "string" }),
    nextDue: date("next_due", { mode: "string" }),
    evidenceIds: jsonb("evidence_ids").$type<string[]>().notNull().default([]),
    detailsEncrypted: text("details_encrypted").notNull(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    inputHash: text("input_hash").notNull(),
    evaluatedAt: instant("evaluated_at").notNull(),
  },
  (t) => [
    unique("screening_results_org_patient_type_unique").on(t.organizationId, t.patientId, t.screeningTypeId),
    index("screening_results_org_status_idx").on(t.organizationId, t.status, t.nextDue),
  ],
);

export const screeningReviewDecisions = ["dismissed", "confirmed"] as const;

/**
 * A clinician's current decision about one evidence item of one type for one patient (dismissed
 * false match, confirmed needs-review item). A new decision replaces the old one; every decision is
 * also in the audit log. Keyed by type key, not row id, so it survives a preset overwrite.
 */
export const screeningReviews = pgTable(
  "screening_reviews",
  {
    organizationId: organizationIdColumn(),
    patientId: patientIdColumn(),
    screeningTypeKey: text("screening_type_key").notNull(),
    evidenceId: text("evidence_id").notNull(),
    decision: text("decision", { enum: screeningReviewDecisions }).notNull(),
    confirmedDate: date("confirmed_date", { mode: "string" }),
    decidedBy: text("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: instant("decided_at").notNull(),
  },
  (t) => [
    primaryKey({ name: "screening_reviews_pk", columns: [t.organizationId, t.patientId, t.screeningTypeKey, t.evidenceId] }),
  ],
);
