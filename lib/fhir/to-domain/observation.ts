import type { DomainObservation, Mapped, MapIssue, ReferenceRange } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { categoryCodes, firstCode, hasConcept, readConcept } from "./read-concept";
import { asRecord, asRecords, asString, type JsonRecord } from "./read-json";
import { referenceId } from "./read-reference";
import { readInterpretation, readObservationValue, readQuantity } from "./read-value";
import { dateField, startMapping } from "./start-mapping";

function readRanges(value: unknown): ReferenceRange[] {
  return asRecords(value).flatMap((range) => {
    const mapped = { low: readQuantity(range.low), high: readQuantity(range.high), text: asString(range.text) };
    return mapped.low || mapped.high || mapped.text ? [mapped] : [];
  });
}

/** effective[x]: dateTime or instant, or a Period's start (end kept separately). */
function readEffective(resource: JsonRecord, issues: MapIssue[]): { start: string | null; end: string | null } {
  for (const key of ["effectiveDateTime", "effectiveInstant"]) {
    if (resource[key] !== undefined) return { start: dateField(issues, key, resource[key], normalizeFhirDate), end: null };
  }
  const period = asRecord(resource.effectivePeriod);
  if (period) {
    return {
      start: dateField(issues, "effectivePeriod.start", period.start, normalizeFhirDate),
      end: dateField(issues, "effectivePeriod.end", period.end, normalizeFhirDate),
    };
  }
  if (resource.effectiveTiming !== undefined) issues.push({ path: "effectiveTiming", problem: "unsupported" });
  return { start: null, end: null };
}

/**
 * Map an Observation (lab, vital sign, social history): code, value with unit, reference ranges,
 * interpretation with an abnormal flag, effective date, status, category, and components (blood
 * pressure arrives as systolic/diastolic components with no top-level value).
 */
export function mapObservation(input: unknown): Mapped<DomainObservation> {
  const start = startMapping(input, "Observation");
  if (!start.ok) return { value: null, issues: start.issues };
  const { resource, id, issues } = start;
  const code = readConcept(resource.code);
  if (!hasConcept(code)) issues.push({ path: "code", problem: "missing" });
  const effective = readEffective(resource, issues);
  const components = asRecords(resource.component).map((component, index) => ({
    code: readConcept(component.code),
    value: readObservationValue(component, `component[${index}].`, issues),
    interpretation: readInterpretation(component.interpretation),
  }));
  return {
    value: {
      ehrId: id,
      patientId: referenceId(resource.subject, "Patient"),
      encounterId: referenceId(resource.encounter, "Encounter"),
      status: asString(resource.status),
      categories: categoryCodes(resource.category),
      code,
      value: readObservationValue(resource, "", issues),
      dataAbsentReason: firstCode(resource.dataAbsentReason) ?? readConcept(resource.dataAbsentReason).text,
      components,
      referenceRanges: readRanges(resource.referenceRange),
      interpretation: readInterpretation(resource.interpretation),
      effective: effective.start,
      effectiveEnd: effective.end,
      issued: dateField(issues, "issued", resource.issued, normalizeFhirDate),
    },
    issues,
  };
}
