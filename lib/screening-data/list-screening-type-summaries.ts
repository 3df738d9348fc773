import "server-only";
import type { Db } from "@/db/client";
import { listScreeningTypes, type ScreeningTypeRow } from "@/db/queries/screenings";
import type { Id } from "@/lib/ids";
import { describeFrequency } from "@/lib/screening";
import { describeEligibility } from "./describe-eligibility";
import { parseStoredType, readStoredTypeHeader, type StoredTypeHeader } from "./parse-stored-type";

export const screeningTypeStatusFilters = ["all", "active", "inactive"] as const;
export type ScreeningTypeStatusFilter = (typeof screeningTypeStatusFilters)[number];

export type ScreeningTypeSummary = StoredTypeHeader & {
  /** null when the stored definition no longer passes the schema (it is then not evaluated either). */
  eligibility: string | null;
  frequency: string | null;
  timing: { dueSoonDays: number | null; overdueAfterDays: number | null } | null;
};

function summarize(row: ScreeningTypeRow): ScreeningTypeSummary {
  const base = readStoredTypeHeader(row);
  try {
    const type = parseStoredType(row);
    return { ...base, eligibility: describeEligibility(type), frequency: describeFrequency(type.frequency), timing: type.timing };
  } catch {
    return { ...base, eligibility: null, frequency: null, timing: null };
  }
}

/** The clinic's screening types for the list page, with counts for the status filter. Configuration, not PHI. */
export async function listScreeningTypeSummaries(
  db: Db,
  input: { organizationId: Id<"organization">; status: ScreeningTypeStatusFilter },
): Promise<{ types: ScreeningTypeSummary[]; counts: Record<ScreeningTypeStatusFilter, number> }> {
  const all = (await listScreeningTypes(db, input.organizationId)).map(summarize).sort((a, b) => a.name.localeCompare(b.name));
  const active = all.filter((t) => t.active);
  const types = input.status === "all" ? all : input.status === "active" ? active : all.filter((t) => !t.active);
  return { types, counts: { all: all.length, active: active.length, inactive: all.length - active.length } };
}
