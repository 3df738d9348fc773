import "server-only";
import type { Db } from "@/db/client";
import { listMembershipsOfUser } from "@/db/queries/organizations";

/**
 * The time zone of the user's own clinic (the first by name, the one the app shell opens), or null
 * for someone in no clinic, such as a platform admin. Pages of no clinic read times in it.
 */
export async function findHomeTimeZone(db: Db, userId: string): Promise<string | null> {
  const memberships = await listMembershipsOfUser(db, userId);
  return memberships[0]?.organization.timeZone ?? null;
}
