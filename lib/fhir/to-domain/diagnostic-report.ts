import type { DomainDiagnosticReport, Mapped } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { categoryCodes, hasConcept, readConcept } from "./read-concept";
import { asRecord, asRecords, asString } from "./read-json";
import { readAttachment } from "./read-attachment";
import { referenceId, referenceIds } from "./read-reference";
import { dateField, startMapping } from "./start-mapping";

/**
 * Map a DiagnosticReport (lab panel, imaging): code, category, dates, the Observation ids of its
 * results, and presentedForm attachments (Epic imaging reports carry the narrative there).
 */
export function mapDiagnosticReport(input: unknown): Mapped<DomainDiagnosticReport> {
  const start = startMapping(input, "DiagnosticReport");
  if (!start.ok) return { value: null, issues: start.issues };
  const { resource, id, issues } = start;
  const code = readConcept(resource.code);
  if (!hasConcept(code)) issues.push({ path: "code", problem: "missing" });
  const period = asRecord(resource.effectivePeriod);
  const effective =
    resource.effectiveDateTime !== undefined
      ? dateField(issues, "effectiveDateTime", resource.effectiveDateTime, normalizeFhirDate)
      : dateField(issues, "effectivePeriod.start", period?.start, normalizeFhirDate);
  return {
    value: {
      ehrId: id,
      patientId: referenceId(resource.subject, "Patient"),
      encounterId: referenceId(resource.encounter, "Encounter"),
      status: asString(resource.status),
      code,
      categories: categoryCodes(resource.category),
      effective,
      issued: dateField(issues, "issued", resource.issued, normalizeFhirDate),
      resultIds: referenceIds(resource.result, "Observation"),
      conclusion: asString(resource.conclusion),
      presentedForm: asRecords(resource.presentedForm).flatMap((form) => readAttachment(form) ?? []),
    },
    issues,
  };
}
