import { eventType } from "inngest";
import { z } from "zod";

/**
 * Every job event, defined once: name + zod schema. Payloads carry ids, dates and flags only —
 * never PHI — and the schemas are strict, so an extra field (a name, a note) is rejected at send.
 * Lives in lib/ (not inngest/) because app code dispatches through lib/jobs/dispatch-event.ts.
 */
const organizationId = z.string().regex(/^org_[0-9A-Z]{26}$/);
const patientId = z.string().regex(/^pat_[0-9A-Z]{26}$/);
const documentId = z.string().regex(/^doc_[0-9A-Z]{26}$/);
/** Who or what asked: a sync run id for fan-out, a job id for on-demand requests. Scopes idempotency. */
const requestId = z.string().regex(/^[a-z]+_[0-9A-Z]{26}$/);
const userId = z.string().min(1).max(64).regex(/^[\w-]+$/);

export const scheduleSyncRequestedSchema = z.strictObject({
  organizationId,
  /** Clinic-local first day (YYYY-MM-DD); today in the clinic's zone when omitted. */
  date: z.iso.date().optional(),
  days: z.number().int().min(1).max(14).optional(),
  /** An Epic Practitioner id; omitted → every practitioner the clinic knows. */
  practitionerId: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/).optional(),
  requestedBy: userId.optional(),
});
export const scheduleSyncRequested = eventType("healthprep/schedule.sync-requested", { schema: scheduleSyncRequestedSchema });
export type ScheduleSyncRequested = z.infer<typeof scheduleSyncRequestedSchema>;

export const patientSyncRequestedSchema = z.strictObject({
  organizationId,
  patientId,
  requestId,
  full: z.boolean().optional(),
  requestedBy: userId.optional(),
});
export const patientSyncRequested = eventType("healthprep/patient.sync-requested", { schema: patientSyncRequestedSchema });
export type PatientSyncRequested = z.infer<typeof patientSyncRequestedSchema>;

export const documentProcessRequestedSchema = z.strictObject({ organizationId, documentId, requestId });
export const documentProcessRequested = eventType("healthprep/document.process-requested", { schema: documentProcessRequestedSchema });
export type DocumentProcessRequested = z.infer<typeof documentProcessRequestedSchema>;

const appointmentId = z.string().regex(/^apt_[0-9A-Z]{26}$/);
/** Prep sheet ids are UUIDs: the same value is our identifier on the note in Epic. */
const prepSheetId = z.uuid();
const practitionerId = z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/);

export const prepSheetGenerateRequestedSchema = z.strictObject({ organizationId, appointmentId, requestId, writeBack: z.boolean().optional(), requestedBy: userId.optional() });
export const prepSheetGenerateRequested = eventType("healthprep/prep-sheet.generate-requested", { schema: prepSheetGenerateRequestedSchema });
export type PrepSheetGenerateRequested = z.infer<typeof prepSheetGenerateRequestedSchema>;

export const prepSheetWriteRequestedSchema = z.strictObject({ organizationId, prepSheetId, requestId, requestedBy: userId.optional() });
export const prepSheetWriteRequested = eventType("healthprep/prep-sheet.write-requested", { schema: prepSheetWriteRequestedSchema });
export type PrepSheetWriteRequested = z.infer<typeof prepSheetWriteRequestedSchema>;

export const clinicDayPrepareRequestedSchema = z.strictObject({
  organizationId,
  /** Clinic-local YYYY-MM-DD. */
  date: z.iso.date(),
  practitionerId: practitionerId.optional(),
  writeBack: z.boolean().optional(),
  requestId,
  requestedBy: userId.optional(),
});
export const clinicDayPrepareRequested = eventType("healthprep/clinic-day.prepare-requested", { schema: clinicDayPrepareRequestedSchema });
export type ClinicDayPrepareRequested = z.infer<typeof clinicDayPrepareRequestedSchema>;

/** "Prepare all" per patient: pull, read documents, screen, then build each listed visit's sheet. */
export const schedulePatientPrepareRequestedSchema = z.strictObject({
  organizationId,
  patientId,
  appointmentIds: z.array(appointmentId).min(1).max(50),
  requestId,
  requestedBy: userId.optional(),
});
export const schedulePatientPrepareRequested = eventType("healthprep/schedule-patient.prepare-requested", { schema: schedulePatientPrepareRequestedSchema });
export type SchedulePatientPrepareRequested = z.infer<typeof schedulePatientPrepareRequestedSchema>;

/** Re-screen one patient: `requestId` is the sync run, `causeId` what changed (that run or a document). */
export const patientScreenRequestedSchema = z.strictObject({ organizationId, patientId, requestId, causeId: requestId });
export const patientScreenRequested = eventType("healthprep/patient.screen-requested", { schema: patientScreenRequestedSchema });
export type PatientScreenRequested = z.infer<typeof patientScreenRequestedSchema>;

/** Every job event's schema by event name: what dispatch, the run recorder and Retry check payloads against. */
export const jobEventSchemas: Record<string, z.ZodType<Record<string, unknown>>> = Object.fromEntries(
  [
    scheduleSyncRequested, patientSyncRequested, documentProcessRequested, prepSheetGenerateRequested, prepSheetWriteRequested,
    clinicDayPrepareRequested, patientScreenRequested, schedulePatientPrepareRequested,
  ].map((event) => [event.name, event.schema]),
);
