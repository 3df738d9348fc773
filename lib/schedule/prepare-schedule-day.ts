import "server-only";
import type { Db } from "@/db/client";
import { listAppointmentsInRange, setAppointmentPrepStatus } from "@/db/queries/appointments";
import { findEhrToken } from "@/db/queries/ehr-connections";
import { createId, type Id } from "@/lib/ids";
import { dispatchEvents } from "@/lib/jobs/dispatch-event";
import { prepSheetGenerateRequested } from "@/lib/jobs/events";
import { checkClinicRateLimit, rateLimitRules } from "@/lib/security/check-rate-limit";
import { clinicDayRange } from "@/lib/sync/clinic-day-range";

/**
 * "Prepare all": one generate-prep-sheet job per appointment of the clinic day (cancelled ones
 * aside). Rows show "Preparing" until the job stores the sheet, so the schedule keeps polling.
 */
export async function prepareScheduleDay(
  db: Db,
  input: { organizationId: Id<"organization">; timeZone: string; userId: string; date: string },
): Promise<{ requested: number }> {
  await checkClinicRateLimit(db, rateLimitRules.prepGenerationPerClinic, input.organizationId);
  const appointments = (await listAppointmentsInRange(db, input.organizationId, clinicDayRange(input.timeZone, input.date, 1)))
    .filter((a) => a.status !== "cancelled");
  if (appointments.length === 0) return { requested: 0 };
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  const requestId = createId("job");
  for (const a of appointments) await setAppointmentPrepStatus(db, input.organizationId, a.id, "in_progress");
  await dispatchEvents(
    appointments.map((a) => ({
      ...prepSheetGenerateRequested.create({
        organizationId: input.organizationId,
        appointmentId: a.id,
        requestId,
        ...(token?.status === "active" ? { requestedBy: input.userId } : {}),
      }),
      id: `generate-prep-sheet-${a.id}-${requestId}`,
    })),
  );
  return { requested: appointments.length };
}
