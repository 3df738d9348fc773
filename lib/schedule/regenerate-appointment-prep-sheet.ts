import "server-only";
import type { Db } from "@/db/client";
import { setAppointmentPrepStatus } from "@/db/queries/appointments";
import { findEhrToken } from "@/db/queries/ehr-connections";
import { findAppointment } from "@/db/queries/prep-sheets";
import { AppError } from "@/lib/errors";
import { createId, type Id } from "@/lib/ids";
import { dispatchEvents } from "@/lib/jobs/dispatch-event";
import { prepSheetGenerateRequested } from "@/lib/jobs/events";
import { checkClinicRateLimit, rateLimitRules } from "@/lib/security/check-rate-limit";

/**
 * "Regenerate" on one schedule row: the generate-prep-sheet job pulls the patient again and builds
 * the sheet (same pipeline and rate limit as "Prepare all"). An appointment of another clinic is
 * not found before anything is queued.
 */
export async function regenerateAppointmentPrepSheet(
  db: Db,
  input: { organizationId: Id<"organization">; userId: string; appointmentId: string },
): Promise<{ requested: number }> {
  await checkClinicRateLimit(db, rateLimitRules.prepGenerationPerClinic, input.organizationId);
  const appointment = await findAppointment(db, input.organizationId, input.appointmentId);
  if (!appointment) throw new AppError("not_found", "appointment not found in this clinic");
  const token = await findEhrToken(db, input.organizationId, { kind: "user", userId: input.userId });
  const requestId = createId("job");
  await setAppointmentPrepStatus(db, input.organizationId, appointment.id, "in_progress");
  await dispatchEvents({
    ...prepSheetGenerateRequested.create({
      organizationId: input.organizationId,
      appointmentId: appointment.id,
      requestId,
      ...(token?.status === "active" ? { requestedBy: input.userId } : {}),
    }),
    id: `generate-prep-sheet-${appointment.id}-${requestId}`,
  });
  return { requested: 1 };
}
