import type { DomainImmunization, Mapped } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { readRecordRefs, readRequiredConcept } from "./read-clinical-record";
import { codesOfKind } from "./read-concept";
import { asBoolean, asString } from "./read-json";
import { dateField, mapResource } from "./map-resource";

/** Map an Immunization: vaccine with its CVX code, status (completed / not-done / entered-in-error) and date. */
export function mapImmunization(input: unknown): Mapped<DomainImmunization> {
  return mapResource(input, "Immunization", (resource, id, issues) => {
    const vaccineCode = readRequiredConcept(resource, "vaccineCode", issues);
    let occurrence: string | null = null;
    if (resource.occurrenceDateTime !== undefined) {
      occurrence = dateField(issues, "occurrenceDateTime", resource.occurrenceDateTime, normalizeFhirDate);
    } else if (resource.occurrenceString !== undefined) {
      issues.push({ path: "occurrenceString", problem: "unsupported" });
    } else {
      issues.push({ path: "occurrence[x]", problem: "missing" });
    }
    return {
      ...readRecordRefs(resource, id, "patient"),
      status: asString(resource.status),
      vaccineCode,
      cvx: codesOfKind(vaccineCode, "cvx")[0] ?? null,
      occurrence,
      primarySource: asBoolean(resource.primarySource),
    };
  });
}
