import "server-only";
import { listKnownPractitionerIds, upsertAppointment } from "@/db/queries/appointments";
import { upsertPatientLink } from "@/db/queries/patients";
import { finishSyncRun } from "@/db/queries/sync-runs";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import { mapAppointment } from "@/lib/fhir/to-domain/appointment";
import type { DomainAppointment } from "@/lib/fhir/to-domain/types";
import type { Id } from "@/lib/ids";
import { beginSyncRun, type SyncRunInput } from "./begin-sync-run";

export type SyncScheduleInput = SyncRunInput & {
  fhirBaseUrl: string;
  from: Date;
  to: Date;
  /** One provider's schedule; omitted → every practitioner the clinic knows. */
  practitionerId?: string;
};

export type SyncScheduleResult = {
  syncRunId: Id<"syncRun">;
  patientIds: Id<"patient">[];
  appointments: number;
  skipped: number;
};

/** Epic's Appointment search needs a practitioner (or patient) and takes a date range (§2.5). */
async function fetchAppointments(client: FhirClient, practitionerId: string, from: Date, to: Date) {
  const result = await client.search("Appointment", {
    practitioner: practitionerId,
    date: [`ge${from.toISOString()}`, `lt${to.toISOString()}`],
    _count: 100,
  });
  return { resources: result.resources, noData: result.noData !== undefined, truncated: result.truncated };
}

/**
 * Pulls the schedule for [from, to) and creates or refreshes the clinic's patient links and
 * appointments. Idempotent: a re-run updates the same rows. Returns our patient ids (ids only).
 */
export async function syncSchedule(input: SyncScheduleInput): Promise<SyncScheduleResult> {
  const { db, organizationId, client, fhirBaseUrl, from, to } = input;
  const now = input.now ?? (() => new Date());
  const practitionerIds = input.practitionerId ? [input.practitionerId] : await listKnownPractitionerIds(db, organizationId);
  if (practitionerIds.length === 0) {
    throw new AppError("invalid_input", "no practitioners known for this clinic", {
      publicMessage: "No provider schedule is known yet. Sign in with Epic as a provider first.",
    });
  }
  const startedAt = now();
  const { syncRunId, release, fail } = await beginSyncRun(db, organizationId, {
    kind: "schedule",
    triggeredBy: input.actorUserId ?? "system",
    rangeStart: from,
    rangeEnd: to,
    startedAt,
  }, { now, leaseMs: input.leaseMs });
  const counts = { practitioners: practitionerIds.length, appointments: 0, patients: 0, skipped: 0, noData: 0, truncated: 0 };
  try {
    const seen = new Map<string, DomainAppointment>();
    for (const practitionerId of practitionerIds) {
      const page = await fetchAppointments(client, practitionerId, from, to);
      counts.noData += page.noData ? 1 : 0;
      counts.truncated += page.truncated ? 1 : 0;
      for (const resource of page.resources) {
        const { value } = mapAppointment(resource);
        // Without a patient or a start time a row cannot be placed on the schedule.
        if (!value || value.start === null || value.patientIds.length === 0) counts.skipped += 1;
        else if (!seen.has(value.ehrId)) seen.set(value.ehrId, { ...value, practitionerIds: value.practitionerIds.length ? value.practitionerIds : [practitionerId] });
      }
    }
    const patientIds = new Map<string, Id<"patient">>();
    for (const appointment of seen.values()) {
      const ehrPatientId = appointment.patientIds[0]!;
      const startAt = new Date(appointment.start!);
      let patientId = patientIds.get(ehrPatientId);
      if (!patientId) {
        patientId = await upsertPatientLink(db, organizationId, { fhirBaseUrl, ehrPatientId, scheduledAt: startedAt });
        patientIds.set(ehrPatientId, patientId);
      }
      await upsertAppointment(db, organizationId, {
        patientId,
        fhirBaseUrl,
        ehrAppointmentId: appointment.ehrId,
        startAt,
        endAt: appointment.end ? new Date(appointment.end) : null,
        status: appointment.status ?? "unknown",
        ehrPractitionerId: appointment.practitionerIds[0] ?? null,
        ehrEncounterId: appointment.encounterId,
        visitType: appointment.appointmentType?.text ?? appointment.serviceTypes[0]?.text ?? null,
        syncedAt: startedAt,
      });
    }
    counts.appointments = seen.size;
    counts.patients = patientIds.size;
    await finishSyncRun(db, organizationId, syncRunId, { status: counts.truncated ? "partial" : "succeeded", counts, finishedAt: now() });
    await recordAuditEvent(db, { actorUserId: input.actorUserId ?? null, organizationId }, {
      action: "schedule.synced",
      targetType: "sync_run",
      targetIds: [syncRunId],
      metadata: { appointments: counts.appointments, patients: counts.patients, practitioners: counts.practitioners },
    });
    return { syncRunId, patientIds: [...patientIds.values()], appointments: counts.appointments, skipped: counts.skipped };
  } catch (error) {
    await fail(error, counts);
    throw error;
  } finally {
    release();
  }
}
