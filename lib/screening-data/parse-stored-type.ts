import type { ScreeningTypeRow } from "@/db/queries/screenings";
import { screeningTypeSchema, type ScreeningType } from "@/lib/screening";

/**
 * A stored definition back to a ScreeningType. Rows are validated on the way in; parsing again on
 * the way out keeps a row written by an older schema from reaching the engine unchecked.
 */
export function parseStoredType(row: ScreeningTypeRow): ScreeningType {
  return screeningTypeSchema.parse(row.definition);
}
