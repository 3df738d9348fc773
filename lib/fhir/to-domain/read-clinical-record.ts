import type { DomainConcept, MapIssue, PatientRecordRefs } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { hasConcept, readConcept } from "./read-concept";
import { asRecord, type JsonRecord } from "./read-json";
import { referenceId } from "./read-reference";
import { dateField } from "./map-resource";

/**
 * The ids every clinical record of a patient carries: its own Epic id, the patient (`subject`, or
 * `patient` on an Immunization) and the encounter it was recorded in.
 */
export function readRecordRefs(resource: JsonRecord, id: string, patientKey: "subject" | "patient" = "subject"): PatientRecordRefs {
  return { ehrId: id, patientId: referenceId(resource[patientKey], "Patient"), encounterId: referenceId(resource.encounter, "Encounter") };
}

/** The concept that says what the record is (code, vaccineCode); flagged missing when it has no coding or text. */
export function readRequiredConcept(resource: JsonRecord, key: string, issues: MapIssue[]): DomainConcept {
  const concept = readConcept(resource[key]);
  if (!hasConcept(concept)) issues.push({ path: key, problem: "missing" });
  return concept;
}

/**
 * A `<prefix>[x]` date that is a point (`<prefix>DateTime`, or another of `pointKinds`) or a
 * `<prefix>Period` (start and end). `present` is false when neither form is there, so the caller can
 * flag the forms it does not read.
 */
export function readPointOrPeriod(
  resource: JsonRecord,
  prefix: string,
  issues: MapIssue[],
  pointKinds: readonly string[] = ["DateTime"],
): { start: string | null; end: string | null; present: boolean } {
  for (const kind of pointKinds) {
    const key = `${prefix}${kind}`;
    if (resource[key] !== undefined) return { start: dateField(issues, key, resource[key], normalizeFhirDate), end: null, present: true };
  }
  const period = asRecord(resource[`${prefix}Period`]);
  if (!period) return { start: null, end: null, present: false };
  return {
    start: dateField(issues, `${prefix}Period.start`, period.start, normalizeFhirDate),
    end: dateField(issues, `${prefix}Period.end`, period.end, normalizeFhirDate),
    present: true,
  };
}
