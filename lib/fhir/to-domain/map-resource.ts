import type { Mapped, MapIssue } from "./types";
import { asRecord, asString, type JsonRecord } from "./read-json";

type MappingStart =
  | { ok: true; resource: JsonRecord; id: string; issues: MapIssue[] }
  | { ok: false; issues: MapIssue[] };

/**
 * Check that the input is a resource of `resourceType` with an id. Everything a mapper keeps is
 * keyed by the Epic id, so a resource without one is skipped (flagged), never guessed.
 */
function startMapping(input: unknown, resourceType: string): MappingStart {
  const resource = asRecord(input);
  if (!resource || resource.resourceType !== resourceType) {
    return { ok: false, issues: [{ path: "resourceType", problem: "invalid" }] };
  }
  const id = asString(resource.id);
  if (id === null) return { ok: false, issues: [{ path: "id", problem: "missing" }] };
  return { ok: true, resource, id, issues: [] };
}

/**
 * A mapper's frame: `build` runs only on a resource of `resourceType` with an id, and adds what it
 * finds odd to `issues`; anything else maps to no value.
 */
export function mapResource<T>(input: unknown, resourceType: string, build: (resource: JsonRecord, id: string, issues: MapIssue[]) => T): Mapped<T> {
  const start = startMapping(input, resourceType);
  if (!start.ok) return { value: null, issues: start.issues };
  const value = build(start.resource, start.id, start.issues);
  return { value, issues: start.issues };
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
