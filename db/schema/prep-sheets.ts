import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { cascadeReference, createdAtColumn, idColumn, instant, timestamps } from "./columns";
import { appointments } from "./appointments";
import { organizationIdColumn } from "./organizations";
import { patientIdColumn } from "./patients";

export const prepSheetStatuses = ["ready", "needs_review"] as const;
export type PrepSheetStatus = (typeof prepSheetStatuses)[number];

/**
 * One generated prep sheet per (appointment, version). `id` is a UUID because it is also the value of
 * our Epic identifier `urn:healthprep:prep-sheet|<id>`. The model (names, dates, results) is encrypted
 * with aad `prep_sheets.model:<organizationId>:<id>`; hash and status are in clear so a rerun with
 * unchanged content is recognised without decrypting.
 */
export const prepSheets = pgTable(
  "prep_sheets",
  {
    id: text("id").primaryKey(),
    organizationId: organizationIdColumn(),
    patientId: patientIdColumn(),
    appointmentId: cascadeReference<"appointment">("appointment_id", () => appointments.id),
    version: integer("version").notNull(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    contentHash: text("content_hash").notNull(),
    modelEncrypted: text("model_encrypted").notNull(),
    status: text("status", { enum: prepSheetStatuses }).notNull(),
    /**
     * Hashes of what the sheet was built from (synced data, documents, review decisions, settings),
     * one per part, so the page can say which changed since. Null on sheets from before it existed.
     * Updated when a regeneration finds the content unchanged: the sheet is then current again.
     */
    inputsFingerprint: jsonb("inputs_fingerprint").$type<Record<string, string>>(),
    generatedAt: instant("generated_at").notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    unique("prep_sheets_org_appointment_version_unique").on(t.organizationId, t.appointmentId, t.version),
    index("prep_sheets_org_patient_idx").on(t.organizationId, t.patientId),
  ],
);

export const writeBackLedgerStates = ["pending", "sent", "confirmed", "unknown", "reconciled", "failed"] as const;
/** States where a create may still happen or may have happened unseen: at most one per patient and encounter. */
export const openWriteBackStates = ["pending", "sent", "unknown"] as const;

/**
 * The write-back ledger (lib/writeback/write-back-ledger.ts is its state machine). A row is written
 * `sent` before the create goes out, so a crash mid-request leaves evidence that Epic may hold a note.
 * Ids, states and error codes only: no PHI. The partial unique index makes a second open write for the
 * same patient and encounter fail at insert, whatever the content hash, so two creates never race.
 */
export const writeBacks = pgTable(
  "write_backs",
  {
    id: idColumn<"writeBack">(),
    organizationId: organizationIdColumn(),
    prepSheetId: text("prep_sheet_id")
      .notNull()
      .references(() => prepSheets.id, { onDelete: "cascade" }),
    patientId: patientIdColumn(),
    ehrEncounterId: text("ehr_encounter_id").notNull(),
    contentHash: text("content_hash").notNull(),
    state: text("state", { enum: writeBackLedgerStates }).notNull(),
    epicDocumentReferenceId: text("epic_document_reference_id"),
    replacesEpicId: text("replaces_epic_id"),
    attempts: integer("attempts").notNull().default(0),
    lastErrorCode: text("last_error_code"),
    sentAt: instant("sent_at"),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex("write_backs_one_open_per_encounter")
      .on(t.organizationId, t.patientId, t.ehrEncounterId)
      .where(sql`${t.state} in ('pending', 'sent', 'unknown')`),
    index("write_backs_org_patient_created_idx").on(t.organizationId, t.patientId, t.createdAt),
    index("write_backs_org_prep_sheet_idx").on(t.organizationId, t.prepSheetId),
  ],
);
