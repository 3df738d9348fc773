import "server-only";
import type { Db } from "@/db/client";
import { listAuditEvents, type AuditEventFilter } from "@/db/queries/audit-events";
import { toCsv } from "@/lib/admin/to-csv";
import { recordAuditEvent, type AuditContext } from "./record-audit-event";

export const auditExportMaxRows = 10_000;
const header = ["id", "occurred_at", "action", "actor_user_id", "organization_id", "target_type", "target_ids", "metadata", "ip"] as const;

/**
 * The audit log as CSV for the filter. Rows hold what the log holds — ids, codes and counts, never
 * clinical content (the writer refuses free text) — and the export itself is audited.
 */
export async function exportAuditLogCsv(db: Db, filter: AuditEventFilter, audit: AuditContext) {
  const events = await listAuditEvents(db, { ...filter, limit: auditExportMaxRows, offset: 0 });
  const csv = toCsv(
    header,
    events.map((e) => [
      e.id,
      e.occurredAt.toISOString(),
      e.action,
      e.actorUserId,
      e.organizationId,
      e.targetType,
      e.targetIds.join(" "),
      JSON.stringify(e.metadata),
      e.ip,
    ]),
  );
  await recordAuditEvent(db, audit, {
    action: "audit_log.exported",
    metadata: {
      organizationId: filter.organizationId ?? null,
      actorUserId: filter.actorUserId ?? null,
      action: filter.action ?? null,
      from: filter.from?.toISOString() ?? null,
      to: filter.to?.toISOString() ?? null,
      count: events.length,
      truncated: events.length === auditExportMaxRows,
    },
  });
  return { csv, count: events.length };
}
