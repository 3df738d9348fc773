import "server-only";
import type { Db } from "@/db/client";
import { listMembers as selectMembers } from "@/db/queries/organizations";
import type { Id } from "@/lib/ids";

export async function listMembers(db: Db, input: { organizationId: Id<"organization"> }) {
  return selectMembers(db, input.organizationId);
}
