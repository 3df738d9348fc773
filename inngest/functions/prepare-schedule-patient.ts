import { markSchedulePatientFailed, prepareSchedulePatient } from "@/lib/clinic-day/prepare-schedule-patient";
import { schedulePatientPrepareRequested, type SchedulePatientPrepareRequested } from "@/lib/jobs/events";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";

/**
 * "Prepare all", one patient per run: pull the patient, read new documents, screen, build each
 * listed visit's sheet. A pull that keeps failing ends the patient's rows "Failed" (reason in the run).
 */
export function prepareSchedulePatientJob(deps: JobDeps) {
  return defineJob<SchedulePatientPrepareRequested>({
    id: "prepare-schedule-patient",
    event: schedulePatientPrepareRequested,
    retries: 3,
    concurrencyPerClinic: 4,
    idempotency: { cel: "event.data.patientId + '-' + event.data.requestId", key: (data) => `${data.patientId}-${data.requestId}` },
    handler: async ({ event, step }) => step.run("prepare-patient", async () => prepareSchedulePatient(await deps.context(), event.data)),
    onFailure: async ({ data }) => markSchedulePatientFailed(await deps.context(), data),
  });
}
