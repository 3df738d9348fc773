import "server-only";
import type { Db } from "@/db/client";
import { localDate } from "@/lib/dates/local-date";
import type { Id } from "@/lib/ids";
import type { PatientScreenRequested } from "@/lib/jobs/events";
import { findClinic } from "@/lib/sync/sync-job-context";
import { screenPatient, type ScreenPatientResult } from "./screen-patient";

/** The screen-patient job step: today in the clinic's zone, then screenPatient. Ids and counts out. */
export async function runScreenPatient(ctx: { db: Db; now: () => Date }, data: PatientScreenRequested): Promise<ScreenPatientResult> {
  const organizationId = data.organizationId as Id<"organization">;
  const clinic = await findClinic(ctx.db, organizationId);
  return screenPatient(ctx.db, {
    organizationId,
    patientId: data.patientId as Id<"patient">,
    asOf: localDate(clinic.timeZone, ctx.now()),
    timeZone: clinic.timeZone,
    now: ctx.now,
  });
}
