import "server-only";
import type { Db } from "@/db/client";
import { listAuditEvents, type AuditEventFilter } from "@/db/queries/audit-events";
import { recordAuditEvent, type AuditContext } from "./record-audit-event";

/** Reading the audit log is itself audited (it reveals who looked at which patients). */
export async function listAuditLog(db: Db, filter: AuditEventFilter, audit: AuditContext) {
  const events = await listAuditEvents(db, filter);
  await recordAuditEvent(db, audit, {
    action: "audit_log.viewed",
    metadata: { organizationId: filter.organizationId ?? null, count: events.length },
  });
  return events;
}
