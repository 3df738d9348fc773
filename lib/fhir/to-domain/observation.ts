import type { DomainObservation, Mapped, ReferenceRange } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { readPointOrPeriod, readRecordRefs, readRequiredConcept } from "./read-clinical-record";
import { categoryCodes, firstCode, readConcept } from "./read-concept";
import { asRecords, asString } from "./read-json";
import { readInterpretation, readObservationValue, readQuantity } from "./read-value";
import { dateField, mapResource } from "./map-resource";

function readRanges(value: unknown): ReferenceRange[] {
  return asRecords(value).flatMap((range) => {
    const mapped = { low: readQuantity(range.low), high: readQuantity(range.high), text: asString(range.text) };
    return mapped.low || mapped.high || mapped.text ? [mapped] : [];
  });
}

/**
 * Map an Observation (lab, vital sign, social history): code, value with unit, reference ranges,
 * interpretation with an abnormal flag, effective date, status, category, and components (blood
 * pressure arrives as systolic/diastolic components with no top-level value).
 */
export function mapObservation(input: unknown): Mapped<DomainObservation> {
  return mapResource(input, "Observation", (resource, id, issues) => {
    const code = readRequiredConcept(resource, "code", issues);
    const effective = readPointOrPeriod(resource, "effective", issues, ["DateTime", "Instant"]);
    if (!effective.present && resource.effectiveTiming !== undefined) issues.push({ path: "effectiveTiming", problem: "unsupported" });
    const components = asRecords(resource.component).map((component, index) => ({
      code: readConcept(component.code),
      value: readObservationValue(component, `component[${index}].`, issues),
      interpretation: readInterpretation(component.interpretation),
    }));
    return {
      ...readRecordRefs(resource, id),
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
    };
  });
}
