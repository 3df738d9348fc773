import type { DomainQuantity, Interpretation, MapIssue, ObservationValue } from "./types";
import { normalizeFhirDate } from "./normalize-date";
import { readConcept } from "./read-concept";
import { asBoolean, asNumber, asRecord, asRecords, asString, type JsonRecord } from "./read-json";

/** Read a Quantity; null when it has neither a value nor a unit. */
export function readQuantity(value: unknown): DomainQuantity | null {
  const quantity = asRecord(value);
  if (!quantity) return null;
  const amount = asNumber(quantity.value);
  const unit = asString(quantity.unit) ?? asString(quantity.code);
  if (amount === null && unit === null) return null;
  return { value: amount, unit, code: asString(quantity.code), comparator: asString(quantity.comparator) };
}

/**
 * Read value[x] of an Observation or component. Unsupported types (Range, Ratio, SampledData,
 * Period, time) are flagged rather than guessed at.
 */
export function readObservationValue(holder: JsonRecord, path: string, issues: MapIssue[]): ObservationValue | null {
  if (holder.valueQuantity !== undefined) {
    const quantity = readQuantity(holder.valueQuantity);
    if (quantity) return { kind: "quantity", ...quantity };
    issues.push({ path: `${path}valueQuantity`, problem: "invalid" });
    return null;
  }
  if (holder.valueCodeableConcept !== undefined) return { kind: "concept", concept: readConcept(holder.valueCodeableConcept) };
  const text = asString(holder.valueString);
  if (text !== null) return { kind: "string", text };
  const flag = asBoolean(holder.valueBoolean);
  if (flag !== null) return { kind: "boolean", value: flag };
  const integer = asNumber(holder.valueInteger);
  if (integer !== null) return { kind: "integer", value: integer };
  const dateTime = normalizeFhirDate(holder.valueDateTime);
  if (dateTime !== null) return { kind: "datetime", value: dateTime };
  const other = Object.keys(holder).find((key) => key.startsWith("value") && key.length > 5);
  if (other) issues.push({ path: `${path}${other}`, problem: "unsupported" });
  return null;
}

// v3 ObservationInterpretation: N is normal; everything in this set is some kind of abnormal.
const abnormalCodes = new Set(["A", "AA", "H", "HH", "HU", "L", "LL", "LU", "<", ">", "ABN", "CR", "CRIT", "POS", "DET", "R", "W", "HX", "LX"]);
const normalCodes = new Set(["N", "NEG", "ND", "S"]);

/** Read interpretation concepts and derive an abnormal flag (codes first, then Epic's display text). */
export function readInterpretation(value: unknown): Interpretation {
  const concepts = asRecords(value).map(readConcept);
  let abnormal: boolean | null = null;
  for (const concept of concepts) {
    for (const coding of concept.codings) {
      const code = coding.code?.toUpperCase() ?? "";
      if (abnormalCodes.has(code)) return { concepts, abnormal: true };
      if (normalCodes.has(code)) abnormal = false;
    }
    const words = [concept.text, ...concept.codings.map((c) => c.display)].filter((t): t is string => t !== null).join(" ");
    if (/\b(abnormal|high|low|critical|positive|detected)\b/i.test(words) && !/\bnot detected\b/i.test(words)) {
      return { concepts, abnormal: true };
    }
    if (abnormal === null && /\b(normal|negative|not detected)\b/i.test(words)) abnormal = false;
  }
  return { concepts, abnormal };
}
