import { index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import type { Id } from "@/lib/ids";
import type { PrepSheetSettingsInput } from "@/lib/prep-sheet/prep-sheet-settings";
import type { ClinicSettingsInput } from "@/lib/screening/clinic-settings";
import type { WriteBackSettingsInput } from "@/lib/writeback/write-back-settings";
import type { SyncSettingsInput } from "@/lib/sync/sync-settings";
import { users } from "./auth";

export const organizationStatuses = ["active", "suspended"] as const;
export const memberRoles = ["org_admin", "provider", "staff"] as const;
export type MemberRole = (typeof memberRoles)[number];

/**
 * Per-clinic knobs that are not worth a column each; read and validated by
 * lib/organizations/clinic-settings-store.ts. `showMrn` at the top level predates `prepSheet` and is
 * read only when `prepSheet.showMrn` is absent.
 */
export type OrganizationSettings = {
  showMrn?: boolean;
  sessionIdleMinutes?: number;
  sessionAbsoluteHours?: number;
  prepSheet?: PrepSheetSettingsInput;
  screening?: ClinicSettingsInput;
  writeBack?: WriteBackSettingsInput;
  sync?: SyncSettingsInput;
};

export const organizations = pgTable("organizations", {
  id: text("id").$type<Id<"organization">>().primaryKey(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  timeZone: text("time_zone").notNull(),
  status: text("status", { enum: organizationStatuses }).notNull().default("active"),
  settings: jsonb("settings").$type<OrganizationSettings>().notNull().default({}),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const memberships = pgTable(
  "memberships",
  {
    id: text("id").$type<Id<"membership">>().primaryKey(),
    organizationId: text("organization_id")
      .$type<Id<"organization">>()
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: memberRoles }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("memberships_org_user_idx").on(t.organizationId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);
