/**
 * Defensive readers for untrusted JSON. Mappers receive whatever Epic (or a corrupted cache) sends,
 * so every access goes through these instead of trusting the FHIR TypeScript types.
 */
export type JsonRecord = Record<string, unknown>;

/** The value as a plain object, or undefined. */
export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

/** A non-empty string, or null. */
export function asString(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** A finite number, or null. */
export function asNumber(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** A boolean, or null. */
export function asBoolean(value: unknown): boolean | null {
  return typeof value === "boolean" ? value : null;
}

/** The objects in an array (a lone object counts as a one-element array; FHIR JSON sometimes gets flattened). */
export function asRecords(value: unknown): JsonRecord[] {
  if (Array.isArray(value)) return value.flatMap((item) => (asRecord(item) ? [item as JsonRecord] : []));
  const single = asRecord(value);
  return single ? [single] : [];
}

/** The non-empty strings in an array. */
export function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.flatMap((item) => (asString(item) === null ? [] : [item as string])) : [];
}
