import { index, pgTable, text, unique } from "drizzle-orm/pg-core";
import { idColumn, instant, timestamps } from "./columns";
import { organizationIdColumn } from "./organizations";
import { patientIdColumn } from "./patients";

export const prepStatuses = ["pending", "in_progress", "ready", "needs_review", "failed"] as const;
export type PrepStatus = (typeof prepStatuses)[number];

/** A scheduled visit from Epic's Appointment API. Times are UTC instants; the clinic's zone renders them. */
export const appointments = pgTable(
  "appointments",
  {
    id: idColumn<"appointment">(),
    organizationId: organizationIdColumn(),
    patientId: patientIdColumn(),
    fhirBaseUrl: text("fhir_base_url").notNull(),
    ehrAppointmentId: text("ehr_appointment_id").notNull(),
    startAt: instant("start_at").notNull(),
    endAt: instant("end_at"),
    status: text("status").notNull(),
    ehrPractitionerId: text("ehr_practitioner_id"),
    ehrEncounterId: text("ehr_encounter_id"),
    visitType: text("visit_type"),
    prepStatus: text("prep_status", { enum: prepStatuses }).notNull().default("pending"),
    lastSyncedAt: instant("last_synced_at").notNull(),
    ...timestamps(),
  },
  (t) => [
    unique("appointments_org_base_ehr_unique").on(t.organizationId, t.fhirBaseUrl, t.ehrAppointmentId),
    index("appointments_org_start_idx").on(t.organizationId, t.startAt),
    index("appointments_org_patient_idx").on(t.organizationId, t.patientId),
  ],
);
