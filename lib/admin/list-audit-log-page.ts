import "server-only";
import type { Db } from "@/db/client";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import type { AuditLogFilterInput } from "./admin-schemas";
import { auditLogPageSize, resolveAuditLogFilter } from "./resolve-audit-log-filter";

/** One page of the platform audit log (newest first); reading it is audited by listAuditLog. */
export async function listAuditLogPage(db: Db, input: AuditLogFilterInput, audit: AuditContext) {
  const page = input.page ?? 1;
  const filter = await resolveAuditLogFilter(db, input);
  // One extra row says whether a next page exists without counting the whole table.
  const rows = await listAuditLog(db, { ...filter, limit: auditLogPageSize + 1, offset: (page - 1) * auditLogPageSize }, audit);
  return { events: rows.slice(0, auditLogPageSize), page, hasNext: rows.length > auditLogPageSize };
}
