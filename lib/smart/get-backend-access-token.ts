import "server-only";
import { randomUUID } from "node:crypto";
import * as oauth from "oauth4webapi";
import type { Db } from "@/db/client";
import { acquireRefreshLock, findEhrConnection, findEhrToken, releaseRefreshLock, upsertEhrToken, type EhrTokenRow } from "@/db/queries/ehr-connections";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { createId, type Id } from "@/lib/ids";
import { buildClientAssertion, clientAssertionAuth } from "./client-assertion";
import { discoverSmartConfiguration } from "./discover-smart-configuration";
import { getActiveSigningKey } from "./signing-keys";
import { readTokenResponse, sendTokenRequest } from "./token-endpoint";
import { tokenAad } from "./token-aad";

const reuseUntilMs = 120_000;
const lockHoldMs = 45_000;
const waitForOtherRequestMs = 30_000;
const inFlight = new Map<string, Promise<string>>();

type BackendOwner = { organizationId: Id<"organization">; userId: null };

/**
 * Backend Services (client_credentials + private_key_jwt) token for a clinic's background jobs.
 * Cached encrypted in ehr_tokens until shortly before it expires; no refresh token (SMART says none).
 */
export async function getBackendAccessToken(
  db: Db,
  organizationId: Id<"organization">,
  options: { staleToken?: string } = {},
): Promise<string> {
  const owner: BackendOwner = { organizationId, userId: null };
  const row = await findEhrToken(db, organizationId, { kind: "backend" });
  const stale = options.staleToken ?? (row ? decryptAccess(row, owner) : undefined);
  const reusable = row ? usableToken(row, owner, options.staleToken) : undefined;
  if (reusable) return reusable;
  let pending = inFlight.get(organizationId);
  if (!pending) {
    pending = renewOnce(db, owner, stale).finally(() => inFlight.delete(organizationId));
    inFlight.set(organizationId, pending);
  }
  return pending;
}

function decryptAccess(row: EhrTokenRow, owner: BackendOwner): string {
  return getCipher().decrypt(row.accessTokenEncrypted, tokenAad(owner, "access"));
}

function usableToken(row: EhrTokenRow, owner: BackendOwner, staleToken: string | undefined): string | undefined {
  if (row.status !== "active" || row.expiresAt.getTime() - Date.now() <= reuseUntilMs) return undefined;
  const token = decryptAccess(row, owner);
  return token !== staleToken ? token : undefined;
}

/**
 * One new token per expiry across server instances: with a stored row, take its refresh lock, then
 * re-read and decide (another instance may have renewed it between our read and our lock). The very
 * first token of a clinic has no row to lock; two instances may then both ask once, harmlessly.
 */
async function renewOnce(db: Db, owner: BackendOwner, staleToken: string | undefined): Promise<string> {
  const deadline = Date.now() + waitForOtherRequestMs;
  const lockId = randomUUID();
  for (;;) {
    const seen = await findEhrToken(db, owner.organizationId, { kind: "backend" });
    if (!seen) return requestBackendToken(db, owner.organizationId);
    const renewed = usableToken(seen, owner, staleToken);
    if (renewed) return renewed;
    if (await acquireRefreshLock(db, owner.organizationId, seen.id, lockId, new Date(), lockHoldMs)) {
      try {
        const row = await findEhrToken(db, owner.organizationId, { kind: "backend" });
        return (row && usableToken(row, owner, staleToken)) ?? (await requestBackendToken(db, owner.organizationId));
      } finally {
        await releaseRefreshLock(db, owner.organizationId, seen.id, lockId);
      }
    }
    if (Date.now() > deadline) throw new AppError("ehr_unavailable", "timed out waiting for another Backend Services token request");
    await new Promise((r) => setTimeout(r, 100));
  }
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
    const response = await sendTokenRequest(smart.token_endpoint, (options) => oauth.clientCredentialsGrantRequest(as, client, auth, { scope: "system/*.read" }, options));
    tokens = readTokenResponse(await oauth.processClientCredentialsResponse(as, client, response), new Date());
  } catch (cause) {
    // Tries that ran out (Epic busy or unreachable) are worth a later retry; a refusal is not.
    if (cause instanceof AppError && cause.code === "ehr_unavailable") throw new AppError("ehr_unavailable", `Backend Services token request failed (${cause.message})`, { cause });
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
