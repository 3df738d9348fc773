import "server-only";
import type { Db } from "@/db/client";
import { listOrganizations } from "@/db/queries/organizations";
import { findEhrConnection } from "@/db/queries/ehr-connections";
import type { Id } from "@/lib/ids";
import { cachedDateTimeFormat } from "@/lib/dates/cached-date-time-format";

function localHour(timeZone: string, now: Date): number {
  return Number(cachedDateTimeFormat("en-US", { timeZone, hour: "numeric", hourCycle: "h23" }).format(now));
}

/**
 * Clinics whose local time is in `hour` (the morning sync runs hourly and picks each clinic in its
 * own time zone). Only active clinics with an Epic connection. Ids only.
 */
export async function listClinicsDueForSync(db: Db, now: Date, hour = 6): Promise<Id<"organization">[]> {
  const due: Id<"organization">[] = [];
  for (const clinic of await listOrganizations(db)) {
    if (clinic.status !== "active" || localHour(clinic.timeZone, now) !== hour) continue;
    if (await findEhrConnection(db, clinic.id)) due.push(clinic.id);
  }
  return due;
}
