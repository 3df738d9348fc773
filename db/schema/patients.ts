import { index, pgTable, text, unique } from "drizzle-orm/pg-core";
import { cascadeReference, idColumn, instant, timestamps } from "./columns";
import { organizationIdColumn } from "./organizations";

/**
 * Our patient ↔ Epic Patient.id, per clinic. FHIR ids are unique only within one server, so the
 * link is keyed by (clinic, FHIR base, Epic id). No names, MRNs or contact details are stored: the
 * UI fetches them from Epic on demand. `factsEncrypted` holds only what screening needs (birth date,
 * sex for clinical use, deceased), encrypted with aad `patients.facts:<id>`.
 */
export const patients = pgTable(
  "patients",
  {
    id: idColumn<"patient">(),
    organizationId: organizationIdColumn(),
    fhirBaseUrl: text("fhir_base_url").notNull(),
    ehrPatientId: text("ehr_patient_id").notNull(),
    factsEncrypted: text("facts_encrypted"),
    /** Start of the last successful pull: the next incremental pull asks for `_lastUpdated=gt` this. */
    lastSyncedAt: instant("last_synced_at"),
    lastFullSyncAt: instant("last_full_sync_at"),
    /** Last time a synced schedule listed this patient; drives the retention purge. */
    lastScheduledAt: instant("last_scheduled_at"),
    ...timestamps(),
  },
  (t) => [
    unique("patients_org_base_ehr_unique").on(t.organizationId, t.fhirBaseUrl, t.ehrPatientId),
    index("patients_org_scheduled_idx").on(t.organizationId, t.lastScheduledAt),
  ],
);

/** The patient the row is about: a patient's data is deleted with the patient (retention purge). */
export const patientIdColumn = () => cascadeReference<"patient">("patient_id", () => patients.id);

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
    id: idColumn<"clinicalRecord">(),
    organizationId: organizationIdColumn(),
    patientId: patientIdColumn(),
    resourceType: text("resource_type", { enum: clinicalResourceTypes }).notNull(),
    ehrId: text("ehr_id").notNull(),
    dataEncrypted: text("data_encrypted").notNull(),
    syncedAt: instant("synced_at").notNull(),
  },
  (t) => [
    unique("clinical_records_natural_key").on(t.organizationId, t.patientId, t.resourceType, t.ehrId),
    index("clinical_records_patient_idx").on(t.organizationId, t.patientId, t.resourceType),
  ],
);
