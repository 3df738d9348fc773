import "server-only";
import { localDate } from "@/lib/dates/local-date";
import type { ScheduleSyncRequested } from "@/lib/jobs/events";
import type { Id } from "@/lib/ids";
import { clinicDayRange } from "./clinic-day-range";
import { findClinic, type SyncJobContext } from "./sync-job-context";
import { syncSchedule } from "./sync-schedule";

/** The sync-schedule job step: the clinic's local days → Epic client → syncSchedule. Ids out. */
export async function runScheduleSync(ctx: SyncJobContext, data: ScheduleSyncRequested) {
  const organizationId = data.organizationId as Id<"organization">;
  const clinic = await findClinic(ctx.db, organizationId);
  const date = data.date ?? localDate(clinic.timeZone, ctx.now());
  const range = clinicDayRange(clinic.timeZone, date, data.days ?? 1);
  const { client, fhirBaseUrl } = await ctx.getFhirClient(ctx.db, { organizationId, ...(data.requestedBy ? { userId: data.requestedBy } : {}) });
  const result = await syncSchedule({
    db: ctx.db,
    organizationId,
    client,
    fhirBaseUrl,
    ...range,
    ...(data.practitionerId ? { practitionerId: data.practitionerId } : {}),
    actorUserId: data.requestedBy ?? null,
    now: ctx.now,
    leaseMs: ctx.syncLeaseMs,
  });
  return { syncRunId: result.syncRunId, patientIds: result.patientIds, appointments: result.appointments };
}
