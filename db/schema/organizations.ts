import { index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { cascadeReference, createdAtColumn, idColumn, timestamps } from "./columns";
import { users } from "./auth";

export const organizationStatuses = ["active", "suspended"] as const;
export const memberRoles = ["org_admin", "provider", "staff"] as const;
export type MemberRole = (typeof memberRoles)[number];

/**
 * Per-clinic knobs that are not worth a column each. Persistence keeps each section opaque: what a
 * section holds is its owning lib/ module's business, validated (defaults filled in, a malformed
 * section dropped) by lib/organizations/clinic-settings-store.ts when read and before it is written.
 * `showMrn` at the top level predates `prepSheet` and is read only when `prepSheet.showMrn` is absent.
 */
export type OrganizationSettings = {
  showMrn?: boolean;
  sessionIdleMinutes?: number;
  sessionAbsoluteHours?: number;
  prepSheet?: SettingsSection;
  screening?: SettingsSection;
  writeBack?: SettingsSection;
  sync?: SettingsSection;
};
type SettingsSection = Readonly<Record<string, unknown>>;

export const organizations = pgTable("organizations", {
  id: idColumn<"organization">(),
  name: text("name").notNull(),
  slug: text("slug").notNull().unique(),
  timeZone: text("time_zone").notNull(),
  status: text("status", { enum: organizationStatuses }).notNull().default("active"),
  settings: jsonb("settings").$type<OrganizationSettings>().notNull().default({}),
  ...timestamps(),
});

/** The clinic that owns the row: clinic data is deleted with its clinic. */
export const organizationIdColumn = () => cascadeReference<"organization">("organization_id", () => organizations.id);

export const memberships = pgTable(
  "memberships",
  {
    id: idColumn<"membership">(),
    organizationId: organizationIdColumn(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: memberRoles }).notNull(),
    createdAt: createdAtColumn(),
  },
  (t) => [
    uniqueIndex("memberships_org_user_idx").on(t.organizationId, t.userId),
    index("memberships_user_idx").on(t.userId),
  ],
);
