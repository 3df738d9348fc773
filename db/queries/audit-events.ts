import { and, desc, eq, gte, isNotNull, lt, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { auditEvents } from "../schema";

export type AuditEventRow = typeof auditEvents.$inferSelect;

export async function insertAuditEvent(db: Db, row: typeof auditEvents.$inferInsert): Promise<void> {
  await db.insert(auditEvents).values(row);
}

export type AuditEventFilter = {
  organizationId?: string;
  actorUserId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  limit?: number;
  offset?: number;
};

/** Newest first. Platform-wide when organizationId is absent: callers must hold a platform permission. */
export async function listAuditEvents(db: Db, filter: AuditEventFilter): Promise<AuditEventRow[]> {
  const where: SQL[] = [];
  if (filter.organizationId) where.push(eq(auditEvents.organizationId, filter.organizationId));
  if (filter.actorUserId) where.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.action) where.push(eq(auditEvents.action, filter.action));
  if (filter.from) where.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) where.push(lt(auditEvents.occurredAt, filter.to));
  return db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.occurredAt), desc(auditEvents.id))
    .limit(filter.limit ?? 200)
    .offset(filter.offset ?? 0);
}

/** Who appears in the log, for the console's actor filter. */
export async function listDistinctAuditActorIds(db: Db, limit = 500): Promise<string[]> {
  const rows = await db
    .selectDistinct({ actorUserId: auditEvents.actorUserId })
    .from(auditEvents)
    .where(isNotNull(auditEvents.actorUserId))
    .limit(limit);
  return rows.map((r) => r.actorUserId!).sort();
}
