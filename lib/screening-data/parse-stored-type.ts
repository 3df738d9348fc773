import type { ScreeningTypeRow } from "@/db/queries/screenings";
import type { Id } from "@/lib/ids";
import { screeningTypeSchema, type ScreeningType } from "@/lib/screening";

/**
 * A stored definition back to a ScreeningType. Rows are validated on the way in; parsing again on
 * the way out keeps a row written by an older schema from reaching the engine unchecked.
 */
export function parseStoredType(row: ScreeningTypeRow): ScreeningType {
  return screeningTypeSchema.parse(row.definition);
}

/** What the list and the editor show of a stored type besides its rules: ids, name, state and the preset it came from. */
export type StoredTypeHeader = {
  id: Id<"screeningType">;
  key: string;
  name: string;
  version: number;
  active: boolean;
  preset: { key: string; version: number | null } | null;
};

export function readStoredTypeHeader(row: ScreeningTypeRow): StoredTypeHeader {
  return {
    id: row.id, key: row.key, name: row.name, version: row.version, active: row.active,
    preset: row.presetKey ? { key: row.presetKey, version: row.presetVersion } : null,
  };
}
