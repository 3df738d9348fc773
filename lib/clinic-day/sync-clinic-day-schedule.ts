import "server-only";
import { listAppointmentsInRange, listKnownPractitionerIds } from "@/db/queries/appointments";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { clinicDayRange } from "@/lib/sync/clinic-day-range";
import { findClinic, type SyncJobContext } from "@/lib/sync/sync-job-context";
import { syncSchedule } from "@/lib/sync/sync-schedule";

export type ClinicDayPatient = { patientId: Id<"patient">; appointmentIds: Id<"appointment">[] };
export type ClinicDaySchedule = { syncRunIds: Id<"syncRun">[]; appointments: number; patients: ClinicDayPatient[] };

const notVisits = new Set(["cancelled", "entered-in-error", "noshow"]);

/**
 * Step one of a clinic day: pull the day's schedule (one provider, or every provider the clinic
 * knows from earlier syncs, connected clinicians and linked accounts) and list the day's visits by
 * patient. Ids only, so the result can be a stored step output.
 */
export async function syncClinicDaySchedule(
  ctx: SyncJobContext,
  input: { organizationId: Id<"organization">; date: string; practitionerId?: string; actorUserId?: string | null },
): Promise<ClinicDaySchedule> {
  const { organizationId } = input;
  const clinic = await findClinic(ctx.db, organizationId);
  const range = clinicDayRange(clinic.timeZone, input.date);
  const practitionerIds = input.practitionerId
    ? [input.practitionerId]
    : await listKnownPractitionerIds(ctx.db, organizationId);
  if (practitionerIds.length === 0) {
    throw new AppError("invalid_input", "no practitioners known for this clinic", { publicMessage: "No provider schedule is known yet. Sign in with Epic as a provider first." });
  }
  const { client, fhirBaseUrl } = await ctx.getFhirClient(ctx.db, { organizationId, ...(input.actorUserId ? { userId: input.actorUserId } : {}) });
  const syncRunIds: Id<"syncRun">[] = [];
  for (const practitionerId of practitionerIds) {
    const result = await syncSchedule({ db: ctx.db, organizationId, client, fhirBaseUrl, ...range, practitionerId, actorUserId: input.actorUserId ?? null, now: ctx.now, leaseMs: ctx.syncLeaseMs });
    syncRunIds.push(result.syncRunId);
  }
  const visits = (await listAppointmentsInRange(ctx.db, organizationId, range)).filter(
    (a) => !notVisits.has(a.status) && (!input.practitionerId || a.ehrPractitionerId === input.practitionerId),
  );
  const byPatient = new Map<Id<"patient">, Id<"appointment">[]>();
  for (const visit of visits) byPatient.set(visit.patientId, [...(byPatient.get(visit.patientId) ?? []), visit.id]);
  return { syncRunIds, appointments: visits.length, patients: [...byPatient].map(([patientId, appointmentIds]) => ({ patientId, appointmentIds })) };
}
