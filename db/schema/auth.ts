import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { createdAtColumn, instant } from "./columns";

/**
 * Auth.js adapter tables (column names as @auth/drizzle-adapter expects), plus our own user fields.
 * OAuth tokens are NOT kept in `accounts`: the adapter is wrapped so Epic tokens go, encrypted,
 * to their own table (see lib/auth). `accounts` only links a user to an external identity.
 */
export const users = pgTable("users", {
  id: text("id").primaryKey(),
  name: text("name"),
  email: text("email").unique(),
  emailVerified: timestamp("email_verified", { mode: "date", withTimezone: true }),
  image: text("image"),
  passwordHash: text("password_hash"),
  isPlatformAdmin: boolean("is_platform_admin").notNull().default(false),
  disabledAt: instant("disabled_at"),
  createdAt: createdAtColumn(),
  // TOTP second factor: secret envelope-encrypted (aad users.totp_secret:<id>); set but not enabled while
  // enrolment awaits its first code. The last accepted step blocks replays; recovery codes are SHA-256 hashes.
  totpSecretEncrypted: text("totp_secret_encrypted"),
  totpEnabledAt: instant("totp_enabled_at"),
  totpLastStep: integer("totp_last_step"),
  totpRecoveryCodeHashes: jsonb("totp_recovery_code_hashes").$type<string[]>().notNull().default([]),
});

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_idx").on(t.userId)],
);

export const sessions = pgTable("sessions", {
  sessionToken: text("session_token").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
});

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { mode: "date", withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

/**
 * Our server-side record of each signed-in session. The Auth.js JWT only carries its id, so a session
 * can be ended from the server (sign out everywhere, role change, idle and absolute timeouts).
 */
export const userSessions = pgTable(
  "user_sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    method: text("method", { enum: ["password", "epic"] }).notNull(),
    createdAt: createdAtColumn(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at"),
    revokedReason: text("revoked_reason"),
  },
  (t) => [index("user_sessions_user_idx").on(t.userId)],
);
