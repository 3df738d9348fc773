import { index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { instant } from "./columns";

/**
 * Append-only record of who did what to which ids. No foreign keys, so rows outlive what they point at;
 * no updates or deletes anywhere in the code. Payloads hold ids and field names, never clinical content.
 * Read order: occurred_at descending, then id descending (ids are time-sortable).
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: text("id").primaryKey(),
    occurredAt: instant("occurred_at").notNull().defaultNow(),
    actorUserId: text("actor_user_id"),
    organizationId: text("organization_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetIds: jsonb("target_ids").$type<string[]>().notNull().default([]),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [
    index("audit_events_org_time_idx").on(t.organizationId, t.occurredAt),
    index("audit_events_actor_time_idx").on(t.actorUserId, t.occurredAt),
  ],
);
