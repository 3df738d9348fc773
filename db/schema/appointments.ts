import { index, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import type { Id } from "@/lib/ids";
import { organizations } from "./organizations";
import { patients } from "./patients";

export const prepStatuses = ["pending", "in_progress", "ready", "needs_review", "failed"] as const;
export type PrepStatus = (typeof prepStatuses)[number];

/** A scheduled visit from Epic's Appointment API. Times are UTC instants; the clinic's zone renders them. */
export const appointments = pgTable(
  "appointments",
  {
    id: text("id").$type<Id<"appointment">>().primaryKey(),
    organizationId: text("organization_id")
      .$type<Id<"organization">>()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    patientId: text("patient_id")
      .$type<Id<"patient">>()
      .notNull()
      .references(() => patients.id, { onDelete: "cascade" }),
    fhirBaseUrl: text("fhir_base_url").notNull(),
    ehrAppointmentId: text("ehr_appointment_id").notNull(),
    startAt: timestamp("start_at", { withTimezone: true }).notNull(),
    endAt: timestamp("end_at", { withTimezone: true }),
    status: text("status").notNull(),
    ehrPractitionerId: text("ehr_practitioner_id"),
    ehrEncounterId: text("ehr_encounter_id"),
    visitType: text("visit_type"),
    prepStatus: text("prep_status", { enum: prepStatuses }).notNull().default("pending"),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("appointments_org_base_ehr_unique").on(t.organizationId, t.fhirBaseUrl, t.ehrAppointmentId),
    index("appointments_org_start_idx").on(t.organizationId, t.startAt),
    index("appointments_org_patient_idx").on(t.organizationId, t.patientId),
  ],
);
