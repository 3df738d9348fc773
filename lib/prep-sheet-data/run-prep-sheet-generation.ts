import "server-only";
import { findAppointment } from "@/db/queries/prep-sheets";
import { localDate } from "@/lib/dates/local-date";
import { AppError } from "@/lib/errors";
import type { PrepSheetGenerateRequested } from "@/lib/jobs/events";
import type { Id } from "@/lib/ids";
import { findClinic, type SyncJobContext } from "@/lib/sync/sync-job-context";
import { generatePrepSheet } from "./generate-prep-sheet";

/** The generate-prep-sheet job step: the sheet is for the appointment's clinic-local day. Ids and codes out. */
export async function runPrepSheetGeneration(ctx: SyncJobContext, data: PrepSheetGenerateRequested) {
  const organizationId = data.organizationId as Id<"organization">;
  const clinic = await findClinic(ctx.db, organizationId);
  const appointment = await findAppointment(ctx.db, organizationId, data.appointmentId);
  if (!appointment) throw new AppError("not_found", "appointment not found in this clinic");
  const { client } = await ctx.getFhirClient(ctx.db, { organizationId, ...(data.requestedBy ? { userId: data.requestedBy } : {}) });
  const result = await generatePrepSheet(ctx.db, {
    organizationId,
    appointmentId: appointment.id,
    asOf: localDate(clinic.timeZone, appointment.startAt),
    generatedAt: ctx.now().toISOString(),
    client,
    actorUserId: data.requestedBy ?? null,
  });
  return { prepSheetId: result.prepSheetId, version: result.version, status: result.status, created: result.created };
}
