import "server-only";
import type { Db } from "@/db/client";
import { listUserLabels } from "@/db/queries/users";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import type { AuditLogFilterInput } from "./admin-schemas";
import { auditLogPageSize, resolveAuditLogFilter } from "./resolve-audit-log-filter";

/**
 * One page of the platform audit log (newest first), each actor shown as a person (name and email)
 * rather than a user id; reading it is audited by listAuditLog.
 */
export async function listAuditLogPage(db: Db, input: AuditLogFilterInput, audit: AuditContext) {
  const page = input.page ?? 1;
  const filter = await resolveAuditLogFilter(db, input);
  // One extra row says whether a next page exists without counting the whole table.
  const rows = await listAuditLog(db, { ...filter, limit: auditLogPageSize + 1, offset: (page - 1) * auditLogPageSize }, audit);
  const events = rows.slice(0, auditLogPageSize);
  const people = new Map((await listUserLabels(db, [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))])).map((u) => [u.id, u]));
  return {
    events: events.map((e) => {
      const person = e.actorUserId ? people.get(e.actorUserId) : undefined;
      return { ...e, actor: person ? { name: person.name, email: person.email } : null };
    }),
    page,
    hasNext: rows.length > auditLogPageSize,
  };
}
