// Defined once in lib/jobs/events.ts, where app code can dispatch them; re-exported for the functions.
export {
  documentProcessRequested,
  patientSyncRequested,
  scheduleSyncRequested,
  type DocumentProcessRequested,
  type PatientSyncRequested,
  type ScheduleSyncRequested,
} from "@/lib/jobs/events";
