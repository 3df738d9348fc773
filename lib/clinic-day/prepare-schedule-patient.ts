import "server-only";
import { findAppointment } from "@/db/queries/prep-sheets";
import { localDate } from "@/lib/dates/local-date";
import { AppError, appErrorCodes, type AppErrorCode } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { keepLastPrepSheet } from "@/lib/prep-sheet-data/keep-last-prep-sheet";
import { findClinic, type SyncJobContext } from "@/lib/sync/sync-job-context";
import { prepareClinicDayPatient } from "./prepare-clinic-day-patient";

export type SchedulePatientInput = { organizationId: string; appointmentIds: string[]; requestedBy?: string };
export type SchedulePatientResult = { patientId: Id<"patient">; prepSheets: { appointmentId: Id<"appointment">; prepSheetId: string }[] };

/**
 * "Prepare all" and "Regenerate" for one patient's visits: the clinic-day pipeline (incremental
 * pull → new documents → screening → one sheet per visit), so a sheet is never built from data that
 * was not pulled. Throws when the pull or a sheet fails, so the job retries and records the reason;
 * markSchedulePatientFailed then ends the rows still preparing. Ids out.
 */
export async function prepareSchedulePatient(ctx: SyncJobContext, input: SchedulePatientInput): Promise<SchedulePatientResult> {
  const organizationId = input.organizationId as Id<"organization">;
  const clinic = await findClinic(ctx.db, organizationId);
  const visits = await Promise.all(input.appointmentIds.map((id) => findAppointment(ctx.db, organizationId, id)));
  const found = visits.filter((v) => v !== null);
  if (found.length === 0) throw new AppError("not_found", "appointment not found in this clinic");
  const patientId = found[0]!.patientId;
  if (found.some((v) => v.patientId !== patientId)) throw new AppError("invalid_input", "appointments of one request must share a patient");
  const result = await prepareClinicDayPatient(ctx, {
    organizationId,
    patientId,
    appointmentIds: found.map((v) => v.id),
    asOf: localDate(clinic.timeZone, found[0]!.startAt),
    actorUserId: input.requestedBy ?? null,
  });
  const failed = result.prepSheets.find((s) => !s.prepSheetId);
  if (failed) throw new AppError(isKnownCode(failed.errorCode) ? failed.errorCode : "internal", `prep sheet not built (${failed.errorCode ?? "internal"})`);
  return { patientId, prepSheets: result.prepSheets.map((s) => ({ appointmentId: s.appointmentId, prepSheetId: s.prepSheetId! })) };
}

/**
 * After the last retry: rows of this request still "Preparing" go back to their last good sheet's
 * status (the page marks it "not refreshed since …"), or end "Failed" when they never had one (the
 * job run keeps the reason).
 */
export async function markSchedulePatientFailed(ctx: SyncJobContext, input: SchedulePatientInput): Promise<void> {
  const organizationId = input.organizationId as Id<"organization">;
  for (const id of input.appointmentIds) {
    const visit = await findAppointment(ctx.db, organizationId, id);
    if (visit?.prepStatus === "in_progress") await keepLastPrepSheet(ctx.db, { organizationId, appointmentId: visit.id });
  }
}

function isKnownCode(code: string | null): code is AppErrorCode {
  return (appErrorCodes as readonly (string | null)[]).includes(code);
}
