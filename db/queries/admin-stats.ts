import { eq, sql } from "drizzle-orm";
import type { Db } from "../client";
import { organizations, prepSheets, screeningResults, screeningTypes } from "../schema";

// Platform console aggregates across clinics: counts per clinic only, never a patient row.

/**
 * Share of Complete among eligible results (not_eligible and excluded left out, superseded rows of
 * a grouped type too), per clinic and screening type. Counts only; no patient is identified.
 */
export async function countScreeningCompletion(db: Db) {
  return db
    .select({
      organizationId: screeningResults.organizationId,
      screeningTypeKey: screeningResults.screeningTypeKey,
      screeningTypeName: sql<string>`max(${screeningTypes.name})`,
      eligible: sql<number>`count(*)::int`,
      complete: sql<number>`(count(*) filter (where ${screeningResults.status} = 'complete'))::int`,
    })
    .from(screeningResults)
    .innerJoin(screeningTypes, eq(screeningTypes.id, screeningResults.screeningTypeId))
    .where(sql`${screeningResults.status} not in ('not_eligible', 'excluded') and ${screeningResults.selection} <> 'superseded'`)
    .groupBy(screeningResults.organizationId, screeningResults.screeningTypeKey)
    .orderBy(screeningResults.organizationId, screeningResults.screeningTypeKey);
}

/** Prep sheets created per clinic-local day, for the `days` local days ending on `now`'s local date. */
export async function countPrepSheetsPerLocalDay(db: Db, now: Date, days: number) {
  const localDay = sql<string>`to_char((${prepSheets.createdAt} at time zone ${organizations.timeZone})::date, 'YYYY-MM-DD')`;
  const nowTs = sql`${now.toISOString()}::timestamptz`;
  return db
    .select({ organizationId: prepSheets.organizationId, day: localDay, sheets: sql<number>`count(*)::int` })
    .from(prepSheets)
    .innerJoin(organizations, eq(organizations.id, prepSheets.organizationId))
    .where(
      sql`${prepSheets.createdAt} <= ${nowTs} and (${prepSheets.createdAt} at time zone ${organizations.timeZone})::date > (${nowTs} at time zone ${organizations.timeZone})::date - ${days}::int`,
    )
    .groupBy(prepSheets.organizationId, localDay);
}
