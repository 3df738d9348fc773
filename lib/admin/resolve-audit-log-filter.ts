import "server-only";
import type { Db } from "@/db/client";
import type { AuditEventFilter } from "@/db/queries/audit-events";
import { findUserByEmail } from "@/db/queries/users";
import type { AuditLogFilterInput } from "./admin-schemas";

export const auditLogPageSize = 50;
const dayMs = 86_400_000;

/**
 * Turns the console's filters into a query filter: an actor email becomes its user id (an unknown
 * email matches nothing), and the date range is whole UTC days with `to` inclusive.
 */
export async function resolveAuditLogFilter(db: Db, input: AuditLogFilterInput): Promise<AuditEventFilter> {
  let actorUserId = input.actor;
  if (actorUserId?.includes("@")) actorUserId = (await findUserByEmail(db, actorUserId.toLowerCase()))?.id ?? "usr_none";
  return {
    ...(input.organizationId ? { organizationId: input.organizationId } : {}),
    ...(actorUserId ? { actorUserId } : {}),
    ...(input.action ? { action: input.action } : {}),
    ...(input.from ? { from: new Date(`${input.from}T00:00:00Z`) } : {}),
    ...(input.to ? { to: new Date(new Date(`${input.to}T00:00:00Z`).getTime() + dayMs) } : {}),
  };
}
