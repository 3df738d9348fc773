import type { DomainAppointment, Mapped } from "./types";
import { normalizeFhirInstant } from "./normalize-date";
import { hasConcept, readConcept } from "./read-concept";
import { asNumber, asRecord, asRecords, asString, type JsonRecord } from "./read-json";
import { referenceId } from "./read-reference";
import { dateField, mapResource } from "./map-resource";

function actorIds(participants: JsonRecord[], type: string): string[] {
  return [...new Set(participants.flatMap((p) => referenceId(p.actor, type) ?? []))];
}

/** The encounter an appointment points at, if any: supportingInformation or an extension's valueReference. */
function encounterOf(resource: JsonRecord): string | null {
  for (const ref of asRecords(resource.supportingInformation)) {
    const id = referenceId(ref, "Encounter");
    if (id) return id;
  }
  for (const extension of asRecords(resource.extension)) {
    const id = referenceId(asRecord(extension.valueReference), "Encounter");
    if (id) return id;
  }
  return null;
}

/**
 * Map an Appointment from the schedule: start/end as UTC instants, status, the patient,
 * practitioner and location ids among participants, the linked encounter, and service type.
 */
export function mapAppointment(input: unknown): Mapped<DomainAppointment> {
  return mapResource(input, "Appointment", (resource, id, issues) => {
    const participants = asRecords(resource.participant);
    const patientIds = actorIds(participants, "Patient");
    if (patientIds.length === 0) issues.push({ path: "participant", problem: "missing" });
    const appointmentType = readConcept(resource.appointmentType);
    return {
      ehrId: id,
      status: asString(resource.status),
      start: dateField(issues, "start", resource.start, normalizeFhirInstant),
      end: dateField(issues, "end", resource.end, normalizeFhirInstant),
      minutesDuration: asNumber(resource.minutesDuration),
      patientIds,
      practitionerIds: actorIds(participants, "Practitioner"),
      locationIds: actorIds(participants, "Location"),
      encounterId: encounterOf(resource),
      serviceTypes: asRecords(resource.serviceType).map(readConcept),
      appointmentType: hasConcept(appointmentType) ? appointmentType : null,
    };
  });
}
