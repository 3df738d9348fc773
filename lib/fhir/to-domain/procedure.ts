import type { DomainProcedure, Mapped } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { categoryCodes, hasConcept, readConcept } from "./read-concept";
import { asRecord, asString } from "./read-json";
import { referenceId } from "./read-reference";
import { dateField, startMapping } from "./start-mapping";

/** Map a Procedure (colonoscopy, mammogram, …): code with all codings, status and performed date. */
export function mapProcedure(input: unknown): Mapped<DomainProcedure> {
  const start = startMapping(input, "Procedure");
  if (!start.ok) return { value: null, issues: start.issues };
  const { resource, id, issues } = start;
  const code = readConcept(resource.code);
  if (!hasConcept(code)) issues.push({ path: "code", problem: "missing" });
  let performed: string | null = null;
  let performedEnd: string | null = null;
  const period = asRecord(resource.performedPeriod);
  if (resource.performedDateTime !== undefined) {
    performed = dateField(issues, "performedDateTime", resource.performedDateTime, normalizeFhirDate);
  } else if (period) {
    performed = dateField(issues, "performedPeriod.start", period.start, normalizeFhirDate);
    performedEnd = dateField(issues, "performedPeriod.end", period.end, normalizeFhirDate);
  } else if (resource.performedString !== undefined || resource.performedAge !== undefined) {
    issues.push({ path: "performed[x]", problem: "unsupported" });
  }
  return {
    value: {
      ehrId: id,
      patientId: referenceId(resource.subject, "Patient"),
      encounterId: referenceId(resource.encounter, "Encounter"),
      status: asString(resource.status),
      code,
      categories: categoryCodes(resource.category),
      performed,
      performedEnd,
    },
    issues,
  };
}
