import { index, pgTable, text, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { cascadeReference, createdAtColumn, idColumn, instant, timestamps } from "./columns";
import { users } from "./auth";
import { organizationIdColumn } from "./organizations";

export const ehrClientAuthMethods = ["client_secret_basic", "client_secret_post", "none"] as const;
export const ehrEnvironments = ["production", "non_production"] as const;

/**
 * One Epic app registration per clinic. The FHIR base is the `iss` Epic sends on EHR launch; it is
 * also the allowlist entry that launch requests are checked against. Secrets are envelope-encrypted.
 */
export const ehrConnections = pgTable(
  "ehr_connections",
  {
    id: idColumn<"ehrConnection">(),
    organizationId: organizationIdColumn(),
    fhirBaseUrl: text("fhir_base_url").notNull(),
    clientId: text("client_id").notNull(),
    clientAuthMethod: text("client_auth_method", { enum: ehrClientAuthMethods }).notNull(),
    clientSecretEncrypted: text("client_secret_encrypted"),
    scopes: text("scopes").notNull(),
    environment: text("environment", { enum: ehrEnvironments }).notNull().default("non_production"),
    backendClientId: text("backend_client_id"),
    ...timestamps(),
  },
  (t) => [uniqueIndex("ehr_connections_org_idx").on(t.organizationId), index("ehr_connections_base_idx").on(t.fhirBaseUrl)],
);

export const ehrTokenStatuses = ["active", "reconnect_needed", "disconnected"] as const;
export type EhrTokenStatus = (typeof ehrTokenStatuses)[number];

/**
 * Tokens per (organization, user) — or per organization for Backend Services (user_id null,
 * kind "backend"). Access and refresh tokens are ciphertext bound to this row. `refresh_lock_*`
 * is the cross-process single-flight lock for refreshes.
 */
export const ehrTokens = pgTable(
  "ehr_tokens",
  {
    id: idColumn<"ehrToken">(),
    organizationId: organizationIdColumn(),
    connectionId: cascadeReference<"ehrConnection">("connection_id", () => ehrConnections.id),
    kind: text("kind", { enum: ["user", "backend"] }).notNull(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    accessTokenEncrypted: text("access_token_encrypted").notNull(),
    refreshTokenEncrypted: text("refresh_token_encrypted"),
    expiresAt: instant("expires_at").notNull(),
    scope: text("scope").notNull().default(""),
    fhirUser: text("fhir_user"),
    launchPatient: text("launch_patient"),
    launchEncounter: text("launch_encounter"),
    status: text("status", { enum: ehrTokenStatuses }).notNull().default("active"),
    statusReason: text("status_reason"),
    refreshLockId: text("refresh_lock_id"),
    refreshLockUntil: instant("refresh_lock_until"),
    refreshedAt: instant("refreshed_at"),
    ...timestamps(),
  },
  (t) => [
    // One backend token per clinic too: user_id is null there, so nulls must not be distinct.
    unique("ehr_tokens_org_user_kind").on(t.organizationId, t.userId, t.kind).nullsNotDistinct(),
    index("ehr_tokens_connection_idx").on(t.organizationId, t.connectionId),
  ],
);

/** Our private_key_jwt signing keys (Backend Services). Retired keys stay in the JWKS for a grace period. */
export const signingKeys = pgTable("signing_keys", {
  kid: text("kid").primaryKey(),
  alg: text("alg", { enum: ["RS384", "ES384"] }).notNull(),
  publicJwk: text("public_jwk").notNull(),
  privateJwkEncrypted: text("private_jwk_encrypted").notNull(),
  createdAt: createdAtColumn(),
  retiredAt: instant("retired_at"),
});
