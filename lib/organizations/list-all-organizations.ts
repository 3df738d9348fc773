import "server-only";
import type { Db } from "@/db/client";
import { listOrganizationsWithMemberCounts } from "@/db/queries/organizations";

/** Platform console: every clinic with its member count. */
export async function listAllOrganizations(db: Db) {
  return listOrganizationsWithMemberCounts(db);
}
