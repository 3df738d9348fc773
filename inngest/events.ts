// Defined once in lib/jobs/events.ts, where app code can dispatch them; re-exported for the functions.
export {
  documentProcessRequested,
  patientScreenRequested,
  patientSyncRequested,
  scheduleSyncRequested,
  type DocumentProcessRequested,
  type PatientScreenRequested,
  type PatientSyncRequested,
  type ScheduleSyncRequested,
} from "@/lib/jobs/events";
