import { index, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import type { Id } from "@/lib/ids";
import { organizations } from "./organizations";

/**
 * Our patient ↔ Epic Patient.id, per clinic. FHIR ids are unique only within one server, so the
 * link is keyed by (clinic, FHIR base, Epic id). No names, MRNs or contact details are stored: the
 * UI fetches them from Epic on demand. `factsEncrypted` holds only what screening needs (birth date,
 * sex for clinical use, deceased), encrypted with aad `patients.facts:<id>`.
 */
export const patients = pgTable(
  "patients",
  {
    id: text("id").$type<Id<"patient">>().primaryKey(),
    organizationId: text("organization_id")
      .$type<Id<"organization">>()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    fhirBaseUrl: text("fhir_base_url").notNull(),
    ehrPatientId: text("ehr_patient_id").notNull(),
    factsEncrypted: text("facts_encrypted"),
    /** Start of the last successful pull: the next incremental pull asks for `_lastUpdated=gt` this. */
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    lastFullSyncAt: timestamp("last_full_sync_at", { withTimezone: true }),
    /** Last time a synced schedule listed this patient; drives the retention purge. */
    lastScheduledAt: timestamp("last_scheduled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("patients_org_base_ehr_unique").on(t.organizationId, t.fhirBaseUrl, t.ehrPatientId),
    index("patients_org_scheduled_idx").on(t.organizationId, t.lastScheduledAt),
  ],
);

export const clinicalResourceTypes = [
  "Condition",
  "Observation",
  "Procedure",
  "DiagnosticReport",
  "Immunization",
  "Encounter",
] as const;
export type ClinicalResourceType = (typeof clinicalResourceTypes)[number];

/**
 * One Epic clinical resource of a linked patient, reduced by the lib/fhir mappers to what screening
 * and the prep sheet read, and encrypted (aad binds the natural key, see lib/sync/clinical-record-aad.ts).
 */
export const clinicalRecords = pgTable(
  "clinical_records",
  {
    id: text("id").$type<Id<"clinicalRecord">>().primaryKey(),
    organizationId: text("organization_id")
      .$type<Id<"organization">>()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    patientId: text("patient_id")
      .$type<Id<"patient">>()
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    resourceType: text("resource_type", { enum: clinicalResourceTypes }).notNull(),
    ehrId: text("ehr_id").notNull(),
    dataEncrypted: text("data_encrypted").notNull(),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    unique("clinical_records_natural_key").on(t.organizationId, t.patientId, t.resourceType, t.ehrId),
    index("clinical_records_patient_idx").on(t.organizationId, t.patientId, t.resourceType),
  ],
);
