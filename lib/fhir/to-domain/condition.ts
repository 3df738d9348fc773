import type { DomainCondition, Mapped } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { categoryCodes, codesOfKind, firstCode, hasConcept, readConcept } from "./read-concept";
import { asRecord, type JsonRecord } from "./read-json";
import { referenceId } from "./read-reference";
import type { MapIssue } from "./types";
import { dateField, startMapping } from "./start-mapping";

/** onset[x]/abatement[x] as a date: dateTime, Period.start or end; Age/Range/string are flagged unsupported. */
function choiceDate(resource: JsonRecord, prefix: "onset" | "abatement", issues: MapIssue[]): string | null {
  if (resource[`${prefix}DateTime`] !== undefined) {
    return dateField(issues, `${prefix}DateTime`, resource[`${prefix}DateTime`], normalizeFhirDate);
  }
  const period = asRecord(resource[`${prefix}Period`]);
  if (period) {
    const edge = prefix === "onset" ? (period.start ?? period.end) : (period.end ?? period.start);
    return dateField(issues, `${prefix}Period`, edge, normalizeFhirDate);
  }
  for (const kind of ["Age", "Range", "String"]) {
    if (resource[`${prefix}${kind}`] !== undefined) issues.push({ path: `${prefix}${kind}`, problem: "unsupported" });
  }
  return null;
}

/**
 * Map a Condition keeping every coding (Epic sends ICD-10-CM and SNOMED CT together, plus its own
 * codes), the statuses and the category (problem-list-item, encounter-diagnosis, health-concern).
 */
export function mapCondition(input: unknown): Mapped<DomainCondition> {
  const start = startMapping(input, "Condition");
  if (!start.ok) return { value: null, issues: start.issues };
  const { resource, id, issues } = start;
  const code = readConcept(resource.code);
  if (!hasConcept(code)) issues.push({ path: "code", problem: "missing" });
  return {
    value: {
      ehrId: id,
      patientId: referenceId(resource.subject, "Patient"),
      encounterId: referenceId(resource.encounter, "Encounter"),
      code,
      icd10Codes: codesOfKind(code, "icd10cm"),
      snomedCodes: codesOfKind(code, "snomed"),
      categories: categoryCodes(resource.category),
      clinicalStatus: firstCode(resource.clinicalStatus),
      verificationStatus: firstCode(resource.verificationStatus),
      onset: choiceDate(resource, "onset", issues),
      abatement: choiceDate(resource, "abatement", issues),
      recordedDate: dateField(issues, "recordedDate", resource.recordedDate, normalizeFhirDate),
    },
    issues,
  };
}
