import { prepareClinicDayPatient } from "@/lib/clinic-day/prepare-clinic-day-patient";
import { syncClinicDaySchedule } from "@/lib/clinic-day/sync-clinic-day-schedule";
import type { Id } from "@/lib/ids";
import { clinicDayPrepareRequested, prepSheetWriteRequested, type ClinicDayPrepareRequested } from "@/lib/jobs/events";
import { defineJob } from "../job-definition";
import type { JobDeps } from "../job-deps";

/**
 * The clinic day as a durable job: the day's schedule, then one step per patient (pull, read
 * documents, screen, build prep sheets; appointments' prep_status shows progress), then one
 * write-back event per sheet. One run per clinic at a time; a replay repeats nothing expensive.
 */
export function prepareClinicDayJob(deps: JobDeps) {
  return defineJob<ClinicDayPrepareRequested>({
    id: "prepare-clinic-day",
    event: clinicDayPrepareRequested,
    retries: 2,
    concurrencyPerClinic: 1,
    idempotency: { cel: "event.data.organizationId + '-' + event.data.date + '-' + event.data.requestId", key: (d) => `${d.organizationId}-${d.date}-${d.requestId}` },
    handler: async ({ event, step }) => {
      const data = event.data;
      const organizationId = data.organizationId as Id<"organization">;
      const actor = data.requestedBy ? { actorUserId: data.requestedBy } : {};
      const schedule = await step.run("sync-schedule", async () =>
        syncClinicDaySchedule(await deps.context(), { organizationId, date: data.date, ...(data.practitionerId ? { practitionerId: data.practitionerId } : {}), ...actor }));
      const prepSheetIds: string[] = [];
      let failed = 0;
      for (const patient of schedule.patients) {
        const result = await step.run(`prepare-patient-${patient.patientId}`, async () => {
          try {
            return await prepareClinicDayPatient(await deps.context(), { organizationId, patientId: patient.patientId, appointmentIds: patient.appointmentIds, asOf: data.date, reuseUnchangedSheets: true, ...actor });
          } catch (error) {
            // One patient's Epic trouble must not hold up the rest of the day; the next run retries it.
            const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "internal";
            return { patientId: patient.patientId, failed: code };
          }
        });
        if ("failed" in result) failed += 1;
        else prepSheetIds.push(...result.prepSheets.flatMap((s) => (s.prepSheetId ? [s.prepSheetId] : [])));
      }
      if (data.writeBack && prepSheetIds.length > 0) {
        await step.sendEvent(
          "request-write-backs",
          prepSheetIds.map((prepSheetId) => ({
            ...prepSheetWriteRequested.create({ organizationId, prepSheetId, requestId: data.requestId, ...(data.requestedBy ? { requestedBy: data.requestedBy } : {}) }),
            id: `write-prep-sheet-${prepSheetId}-${data.requestId}`,
          })),
        );
      }
      return { appointments: schedule.appointments, patients: schedule.patients.length, failedPatients: failed, prepSheets: prepSheetIds.length };
    },
  });
}
