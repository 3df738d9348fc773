import { asRecord, asRecords, asString } from "./read-json";

/**
 * The id a Reference points at when it is of `type`: `Patient/abc`, an absolute
 * `https://…/Patient/abc`, or `Patient/abc/_history/2`. Contained (`#x`) and logical references
 * give null; we only link what we can fetch.
 */
export function referenceId(value: unknown, type: string): string | null {
  const reference = asString(asRecord(value)?.reference);
  if (reference === null || reference.startsWith("#")) return null;
  const parts = reference.split("?")[0]?.split("/") ?? [];
  const history = parts.lastIndexOf("_history");
  const trimmed = history > 0 ? parts.slice(0, history) : parts;
  const id = trimmed.at(-1);
  return trimmed.at(-2) === type && id ? id : null;
}

/** The ids of every reference of `type` in a list, distinct and in order. */
export function referenceIds(value: unknown, type: string): string[] {
  return [...new Set(asRecords(value).flatMap((ref) => referenceId(ref, type) ?? []))];
}
