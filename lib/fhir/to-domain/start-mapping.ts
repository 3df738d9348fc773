import type { MapIssue } from "./types";
import { asRecord, asString, type JsonRecord } from "./read-json";

export type MappingStart =
  | { ok: true; resource: JsonRecord; id: string; issues: MapIssue[] }
  | { ok: false; issues: MapIssue[] };

/**
 * Check that the input is a resource of `resourceType` with an id. Everything a mapper keeps is
 * keyed by the Epic id, so a resource without one is skipped (flagged), never guessed.
 */
export function startMapping(input: unknown, resourceType: string): MappingStart {
  const resource = asRecord(input);
  if (!resource || resource.resourceType !== resourceType) {
    return { ok: false, issues: [{ path: "resourceType", problem: "invalid" }] };
  }
  const id = asString(resource.id);
  if (id === null) return { ok: false, issues: [{ path: "id", problem: "missing" }] };
  return { ok: true, resource, id, issues: [] };
}

/** Normalise an optional date field, flagging it when present but unreadable. */
export function dateField(
  issues: MapIssue[],
  path: string,
  raw: unknown,
  normalize: (value: unknown) => string | null,
): string | null {
  if (raw === undefined || raw === null) return null;
  const value = normalize(raw);
  if (value === null) issues.push({ path, problem: "invalid" });
  return value;
}
