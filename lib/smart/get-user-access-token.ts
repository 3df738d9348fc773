import "server-only";
import { randomUUID } from "node:crypto";
import * as oauth from "oauth4webapi";
import type { Db } from "@/db/client";
import {
  acquireRefreshLock,
  findEhrConnection,
  findEhrToken,
  releaseRefreshLock,
  updateEhrToken,
  type EhrTokenRow,
} from "@/db/queries/ehr-connections";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import type { Id } from "@/lib/ids";
import { logger } from "@/lib/log/logger";
import { loadEpicEndpoints } from "./load-epic-endpoints";
import { isInvalidGrant, readTokenResponse, sendTokenRequest } from "./token-endpoint";
import { tokenAad } from "./token-aad";

const refreshAheadMs = 60_000;
// The holder's tries (refreshBudgetMs) end well before its lock does, and waiters outlast both.
const refreshBudgetMs = 20_000;
const lockHoldMs = 45_000;
const waitForOtherRefreshMs = 30_000;
const inFlight = new Map<string, Promise<string>>();

type Owner = { organizationId: Id<"organization">; userId: string };

/**
 * A valid access token for a user's Epic connection. Refreshes ahead of expiry, or when the caller
 * got a 401 with `staleToken`. One refresh at a time per connection: in-process callers share a
 * promise, other processes wait on the database lock and then read what the holder stored.
 */
export async function getUserAccessToken(db: Db, owner: Owner, options: { staleToken?: string } = {}): Promise<string> {
  const row = await requireActiveToken(db, owner);
  const current = getCipher().decrypt(row.accessTokenEncrypted, tokenAad(owner, "access"));
  const fresh = row.expiresAt.getTime() - Date.now() > refreshAheadMs;
  if (fresh && (!options.staleToken || options.staleToken !== current)) return current;
  const key = row.id;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = refreshOnce(db, owner, current).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

async function requireActiveToken(db: Db, owner: Owner): Promise<EhrTokenRow> {
  const row = await findEhrToken(db, owner.organizationId, { kind: "user", userId: owner.userId });
  if (!row || row.status !== "active") {
    throw new AppError("reconnect_needed", row ? `Epic connection ${row.status}` : "no Epic connection for this user");
  }
  return row;
}

/** The stored token when it is fresh and is not the one the caller saw rejected or expire. */
function usableToken(row: EhrTokenRow, owner: Owner, staleToken: string): string | undefined {
  const current = getCipher().decrypt(row.accessTokenEncrypted, tokenAad(owner, "access"));
  return current !== staleToken && row.expiresAt.getTime() - Date.now() > refreshAheadMs ? current : undefined;
}

async function refreshOnce(db: Db, owner: Owner, staleToken: string): Promise<string> {
  const deadline = Date.now() + waitForOtherRefreshMs;
  const lockId = randomUUID();
  for (;;) {
    const seen = await requireActiveToken(db, owner);
    // Someone else refreshed while we waited.
    const refreshed = usableToken(seen, owner, staleToken);
    if (refreshed) return refreshed;
    if (await acquireRefreshLock(db, owner.organizationId, seen.id, lockId, new Date(), lockHoldMs)) {
      try {
        // Lock, then re-read, then decide: another instance may have refreshed and released the lock
        // between our read above and our lock, and refreshing from that older row would spend a second
        // refresh on the same expiry.
        const row = await requireActiveToken(db, owner);
        return usableToken(row, owner, staleToken) ?? (await refreshWithLock(db, owner, row));
      } finally {
        await releaseRefreshLock(db, owner.organizationId, seen.id, lockId);
      }
    }
    if (Date.now() > deadline) throw new AppError("ehr_unavailable", "timed out waiting for another token refresh");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function refreshWithLock(db: Db, owner: Owner, row: EhrTokenRow): Promise<string> {
  const cipher = getCipher();
  if (!row.refreshTokenEncrypted) return markReconnectNeeded(db, owner, row, "no_refresh_token");
  const connection = await findEhrConnection(db, owner.organizationId);
  if (!connection) return markReconnectNeeded(db, owner, row, "connection_removed");
  const { as, client, clientAuth } = await loadEpicEndpoints(connection);
  const refreshToken = cipher.decrypt(row.refreshTokenEncrypted, tokenAad(owner, "refresh"));
  try {
    const response = await sendTokenRequest(as.token_endpoint!, (options) => oauth.refreshTokenGrantRequest(as, client, clientAuth, refreshToken, options), { budgetMs: refreshBudgetMs });
    const tokens = readTokenResponse(await oauth.processRefreshTokenResponse(as, client, response), new Date());
    await updateEhrToken(db, owner.organizationId, row.id, {
      accessTokenEncrypted: cipher.encrypt(tokens.accessToken, tokenAad(owner, "access")),
      // Epic does not rotate refresh tokens by default; keep the old one unless a new one came.
      ...(tokens.refreshToken ? { refreshTokenEncrypted: cipher.encrypt(tokens.refreshToken, tokenAad(owner, "refresh")) } : {}),
      expiresAt: tokens.expiresAt,
      scope: tokens.scope || row.scope,
      refreshedAt: new Date(),
    });
    return tokens.accessToken;
  } catch (error) {
    if (isInvalidGrant(error)) return markReconnectNeeded(db, owner, row, "invalid_grant");
    logger.warn("ehr.refresh_failed", { organizationId: owner.organizationId, tokenId: row.id, err: error });
    // Our own retry errors say in plain words why the tries stopped; others' messages stay out.
    throw new AppError("ehr_unavailable", error instanceof AppError ? `token refresh failed (${error.message})` : "token refresh failed", { cause: error });
  }
}

async function markReconnectNeeded(db: Db, owner: Owner, row: EhrTokenRow, reason: string): Promise<never> {
  await db.transaction(async (tx) => {
    await updateEhrToken(tx, owner.organizationId, row.id, { status: "reconnect_needed", statusReason: reason });
    await recordAuditEvent(tx, { actorUserId: null, organizationId: owner.organizationId }, {
      action: "ehr.refresh_failed",
      targetType: "ehr_token",
      targetIds: [row.id],
      metadata: { reason, userId: owner.userId },
    });
  });
  throw new AppError("reconnect_needed", `Epic connection needs reconnecting (${reason})`);
}
