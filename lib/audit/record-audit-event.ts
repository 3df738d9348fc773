import "server-only";
import type { Db } from "@/db/client";
import { insertAuditEvent } from "@/db/queries/audit-events";
import { createId } from "@/lib/ids";
import { auditActionSchema, auditMetadataSchema, type AuditAction, type AuditMetadata } from "./audit-actions";

export type AuditContext = {
  actorUserId: string | null;
  organizationId: string | null;
  ip?: string | null;
  userAgent?: string | null;
};

/**
 * The one audit writer. Pass the caller's transaction so the audit row commits or rolls back with
 * the change it records.
 */
export async function recordAuditEvent(
  db: Db,
  context: AuditContext,
  event: { action: AuditAction; targetType?: string; targetIds?: string[]; metadata?: AuditMetadata },
): Promise<void> {
  const action = auditActionSchema.parse(event.action);
  const metadata = auditMetadataSchema.parse(event.metadata ?? {});
  await insertAuditEvent(db, {
    id: createId("audit"),
    action,
    actorUserId: context.actorUserId,
    organizationId: context.organizationId,
    targetType: event.targetType ?? null,
    targetIds: event.targetIds ?? [],
    metadata,
    ip: context.ip ?? null,
    userAgent: context.userAgent?.slice(0, 300) ?? null,
  });
}
