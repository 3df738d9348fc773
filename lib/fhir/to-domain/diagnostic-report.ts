import type { DomainDiagnosticReport, Mapped } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { categoryCodes } from "./read-concept";
import { readPointOrPeriod, readRecordRefs, readRequiredConcept } from "./read-clinical-record";
import { asRecords, asString } from "./read-json";
import { readAttachment } from "./read-attachment";
import { referenceIds } from "./read-reference";
import { dateField, mapResource } from "./map-resource";

/**
 * Map a DiagnosticReport (lab panel, imaging): code, category, dates, the Observation ids of its
 * results, and presentedForm attachments (Epic imaging reports carry the narrative there).
 */
export function mapDiagnosticReport(input: unknown): Mapped<DomainDiagnosticReport> {
  return mapResource(input, "DiagnosticReport", (resource, id, issues) => {
    const code = readRequiredConcept(resource, "code", issues);
    // A report's date is when it applies from: effectiveDateTime, or the start of effectivePeriod.
    const effective = readPointOrPeriod(resource, "effective", issues).start;
    return {
      ...readRecordRefs(resource, id),
      status: asString(resource.status),
      code,
      categories: categoryCodes(resource.category),
      effective,
      issued: dateField(issues, "issued", resource.issued, normalizeFhirDate),
      resultIds: referenceIds(resource.result, "Observation"),
      conclusion: asString(resource.conclusion),
      presentedForm: asRecords(resource.presentedForm).flatMap((form) => readAttachment(form) ?? []),
    };
  });
}
