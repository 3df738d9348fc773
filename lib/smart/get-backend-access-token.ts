import "server-only";
import * as oauth from "oauth4webapi";
import type { Db } from "@/db/client";
import { findEhrConnection, findEhrToken, upsertEhrToken } from "@/db/queries/ehr-connections";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { createId, type Id } from "@/lib/ids";
import { buildClientAssertion, clientAssertionAuth } from "./client-assertion";
import { discoverSmartConfiguration } from "./discover-smart-configuration";
import { getActiveSigningKey } from "./signing-keys";
import { readTokenResponse, requestOptions } from "./token-endpoint";
import { tokenAad } from "./token-aad";

const reuseUntilMs = 120_000;
const inFlight = new Map<string, Promise<string>>();

/**
 * Backend Services (client_credentials + private_key_jwt) token for a clinic's background jobs.
 * Cached encrypted in ehr_tokens until shortly before it expires; no refresh token (SMART says none).
 */
export async function getBackendAccessToken(
  db: Db,
  organizationId: Id<"organization">,
  options: { staleToken?: string } = {},
): Promise<string> {
  const owner = { organizationId, userId: null };
  const row = await findEhrToken(db, organizationId, { kind: "backend" });
  if (row && row.status === "active" && row.expiresAt.getTime() - Date.now() > reuseUntilMs) {
    const token = getCipher().decrypt(row.accessTokenEncrypted, tokenAad(owner, "access"));
    if (token !== options.staleToken) return token;
  }
  let pending = inFlight.get(organizationId);
  if (!pending) {
    pending = requestBackendToken(db, organizationId).finally(() => inFlight.delete(organizationId));
    inFlight.set(organizationId, pending);
  }
  return pending;
}

async function requestBackendToken(db: Db, organizationId: Id<"organization">): Promise<string> {
  const connection = await findEhrConnection(db, organizationId);
  if (!connection?.backendClientId) throw new AppError("misconfigured", "Backend Services not configured for this clinic");
  const smart = await discoverSmartConfiguration(connection.fhirBaseUrl, { clientId: connection.backendClientId });
  const as: oauth.AuthorizationServer = { issuer: smart.issuer ?? connection.fhirBaseUrl, token_endpoint: smart.token_endpoint };
  const client: oauth.Client = { client_id: connection.backendClientId };
  const signing = await getActiveSigningKey(db);
  const auth = clientAssertionAuth(() =>
    buildClientAssertion({ clientId: connection.backendClientId!, tokenEndpoint: smart.token_endpoint, ...signing }),
  );
  let tokens;
  try {
    const response = await oauth.clientCredentialsGrantRequest(as, client, auth, { scope: "system/*.read" }, requestOptions(smart.token_endpoint));
    tokens = readTokenResponse(await oauth.processClientCredentialsResponse(as, client, response), new Date());
  } catch (cause) {
    throw new AppError("ehr_rejected", "Backend Services token request failed", { cause });
  }
  const owner = { organizationId, userId: null };
  await upsertEhrToken(db, {
    id: createId("ehrToken"),
    organizationId,
    connectionId: connection.id,
    kind: "backend",
    userId: null,
    accessTokenEncrypted: getCipher().encrypt(tokens.accessToken, tokenAad(owner, "access")),
    refreshTokenEncrypted: null,
    expiresAt: tokens.expiresAt,
    scope: tokens.scope,
    status: "active",
    statusReason: null,
    refreshedAt: new Date(),
  });
  return tokens.accessToken;
}
