import type { DomainCondition, Mapped, MapIssue } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { readRecordRefs, readRequiredConcept } from "./read-clinical-record";
import { categoryCodes, codesOfKind, firstCode } from "./read-concept";
import { asRecord, type JsonRecord } from "./read-json";
import { dateField, mapResource } from "./map-resource";

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
  return mapResource(input, "Condition", (resource, id, issues) => {
    const code = readRequiredConcept(resource, "code", issues);
    return {
      ...readRecordRefs(resource, id),
      code,
      icd10Codes: codesOfKind(code, "icd10cm"),
      snomedCodes: codesOfKind(code, "snomed"),
      categories: categoryCodes(resource.category),
      clinicalStatus: firstCode(resource.clinicalStatus),
      verificationStatus: firstCode(resource.verificationStatus),
      onset: choiceDate(resource, "onset", issues),
      abatement: choiceDate(resource, "abatement", issues),
      recordedDate: dateField(issues, "recordedDate", resource.recordedDate, normalizeFhirDate),
    };
  });
}
