import type { AppointmentRow } from "@/db/queries/appointments";
import type { DomainAppointment } from "@/lib/fhir/to-domain/types";

/** Our stored appointment row in the shape buildPrepSheet reads. Pure. */
export function toDomainAppointment(row: AppointmentRow, ehrPatientId: string): DomainAppointment {
  return {
    ehrId: row.ehrAppointmentId,
    status: row.status,
    start: row.startAt.toISOString(),
    end: row.endAt?.toISOString() ?? null,
    minutesDuration: row.endAt ? Math.round((row.endAt.getTime() - row.startAt.getTime()) / 60_000) : null,
    patientIds: [ehrPatientId],
    practitionerIds: row.ehrPractitionerId ? [row.ehrPractitionerId] : [],
    locationIds: [],
    encounterId: row.ehrEncounterId,
    serviceTypes: [],
    appointmentType: row.visitType ? { codings: [], text: row.visitType } : null,
  };
}
