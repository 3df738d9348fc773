import "server-only";
import type { Db } from "@/db/client";
import { exportAuditLogCsv } from "@/lib/audit/export-audit-log";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import type { AuditLogFilterInput } from "./admin-schemas";
import { resolveAuditLogFilter } from "./resolve-audit-log-filter";

/** The console's CSV export: the same filters as the page (all pages), audited as an export. */
export async function exportAuditLog(db: Db, input: AuditLogFilterInput, audit: AuditContext) {
  return exportAuditLogCsv(db, await resolveAuditLogFilter(db, input), audit);
}
