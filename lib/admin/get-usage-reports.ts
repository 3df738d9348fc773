import "server-only";
import type { Db } from "@/db/client";
import { countPrepSheetsPerLocalDay, countScreeningCompletion } from "@/db/queries/admin-stats";
import { listOrganizations } from "@/db/queries/organizations";
import { localDate } from "@/lib/dates/local-date";
import { buildDailySeries } from "./build-daily-series";

export const throughputDays = 14;

/**
 * Per clinic: screening completion (share Complete among eligible results, per screening type) and
 * prep sheets created per clinic-local day over the last 14 days. Aggregates only.
 */
export async function getUsageReports(db: Db, now: Date) {
  const [organizations, completion, perDay] = await Promise.all([
    listOrganizations(db),
    countScreeningCompletion(db),
    countPrepSheetsPerLocalDay(db, now, throughputDays),
  ]);
  return organizations.map((o) => {
    const counts = new Map(perDay.filter((r) => r.organizationId === o.id).map((r) => [r.day, r.sheets]));
    return {
      id: o.id,
      name: o.name,
      slug: o.slug,
      timeZone: o.timeZone,
      completion: completion
        .filter((r) => r.organizationId === o.id)
        .map((r) => ({ key: r.screeningTypeKey, name: r.screeningTypeName, eligible: r.eligible, complete: r.complete, rate: r.eligible ? r.complete / r.eligible : 0 })),
      throughput: buildDailySeries(localDate(o.timeZone, now), throughputDays, counts),
    };
  });
}
