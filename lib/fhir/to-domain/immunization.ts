import type { DomainImmunization, Mapped } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { codesOfKind, hasConcept, readConcept } from "./read-concept";
import { asBoolean, asString } from "./read-json";
import { referenceId } from "./read-reference";
import { dateField, startMapping } from "./start-mapping";

/** Map an Immunization: vaccine with its CVX code, status (completed / not-done / entered-in-error) and date. */
export function mapImmunization(input: unknown): Mapped<DomainImmunization> {
  const start = startMapping(input, "Immunization");
  if (!start.ok) return { value: null, issues: start.issues };
  const { resource, id, issues } = start;
  const vaccineCode = readConcept(resource.vaccineCode);
  if (!hasConcept(vaccineCode)) issues.push({ path: "vaccineCode", problem: "missing" });
  let occurrence: string | null = null;
  if (resource.occurrenceDateTime !== undefined) {
    occurrence = dateField(issues, "occurrenceDateTime", resource.occurrenceDateTime, normalizeFhirDate);
  } else if (resource.occurrenceString !== undefined) {
    issues.push({ path: "occurrenceString", problem: "unsupported" });
  } else {
    issues.push({ path: "occurrence[x]", problem: "missing" });
  }
  return {
    value: {
      ehrId: id,
      patientId: referenceId(resource.patient, "Patient"),
      encounterId: referenceId(resource.encounter, "Encounter"),
      status: asString(resource.status),
      vaccineCode,
      cvx: codesOfKind(vaccineCode, "cvx")[0] ?? null,
      occurrence,
      primarySource: asBoolean(resource.primarySource),
    },
    issues,
  };
}
