import "server-only";
import type { Db } from "@/db/client";
import { listAppointmentsInRange, setAppointmentPrepStatus, type AppointmentRow } from "@/db/queries/appointments";
import { findEhrToken } from "@/db/queries/ehr-connections";
import { createId, type Id } from "@/lib/ids";
import { dispatchEvents } from "@/lib/jobs/dispatch-event";
import { schedulePatientPrepareRequested } from "@/lib/jobs/events";
import { checkClinicRateLimit, rateLimitRules } from "@/lib/security/check-rate-limit";
import { clinicDayRange } from "@/lib/sync/clinic-day-range";
import { isVisitInScope } from "./resolve-schedule-scope";

/**
 * "Prepare all": one prepare-schedule-patient job per patient of the clinic day, or of one
 * provider's part of it (cancelled visits aside). Each job pulls its patient before building, so a sheet never comes from data the schedule
 * sync's patient syncs had not pulled yet. Rows show "Preparing" until the job stores the sheet.
 */
export async function prepareScheduleDay(
  db: Db,
  input: {
    organizationId: Id<"organization">;
    timeZone: string;
    userId: string;
    date: string;
    /** The "me" view: that practitioner's visits only (null: none); undefined for the whole clinic. */
    practitionerId?: string | null;
  },
): Promise<{ requested: number }> {
  await checkClinicRateLimit(db, rateLimitRules.prepGenerationPerClinic, input.organizationId);
  const appointments = (await listAppointmentsInRange(db, input.organizationId, clinicDayRange(input.timeZone, input.date, 1)))
    .filter((a) => a.status !== "cancelled" && isVisitInScope(a.ehrPractitionerId, input.practitionerId));
  if (appointments.length === 0) return { requested: 0 };
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  const requestId = createId("job");
  for (const a of appointments) await setAppointmentPrepStatus(db, input.organizationId, a.id, "in_progress");
  const byPatient = new Map<Id<"patient">, AppointmentRow[]>();
  for (const a of appointments) byPatient.set(a.patientId, [...(byPatient.get(a.patientId) ?? []), a]);
  await dispatchEvents(
    [...byPatient].map(([patientId, visits]) => ({
      ...schedulePatientPrepareRequested.create({
        organizationId: input.organizationId,
        patientId,
        appointmentIds: visits.map((a) => a.id),
        requestId,
        ...(token?.status === "active" ? { requestedBy: input.userId } : {}),
      }),
      id: `prepare-schedule-patient-${patientId}-${requestId}`,
    })),
  );
  return { requested: appointments.length };
}
