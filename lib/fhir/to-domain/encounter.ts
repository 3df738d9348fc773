import type { DomainEncounter, Mapped } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { hasConcept, readConcept, readCoding } from "./read-concept";
import { asRecord, asRecords, asString } from "./read-json";
import { referenceId, referenceIds } from "./read-reference";
import { dateField, mapResource } from "./map-resource";

/** Map an Encounter: status, class, types, period, and practitioner/location/appointment links. */
export function mapEncounter(input: unknown): Mapped<DomainEncounter> {
  return mapResource(input, "Encounter", (resource, id, issues) => {
    const period = asRecord(resource.period);
    const serviceType = readConcept(resource.serviceType);
    return {
      ehrId: id,
      patientId: referenceId(resource.subject, "Patient"),
      status: asString(resource.status),
      // R4 Encounter.class is a single Coding (Epic: AMB, IMP, …).
      classCode: readCoding(resource.class)?.code ?? null,
      types: asRecords(resource.type).map(readConcept),
      serviceType: hasConcept(serviceType) ? serviceType : null,
      periodStart: dateField(issues, "period.start", period?.start, normalizeFhirDate),
      periodEnd: dateField(issues, "period.end", period?.end, normalizeFhirDate),
      practitionerIds: [...new Set(asRecords(resource.participant).flatMap((p) => referenceId(p.individual, "Practitioner") ?? []))],
      locationIds: [...new Set(asRecords(resource.location).flatMap((l) => referenceId(l.location, "Location") ?? []))],
      appointmentIds: referenceIds(resource.appointment, "Appointment"),
    };
  });
}
