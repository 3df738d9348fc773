import * as oauth from "oauth4webapi";
import { AppError } from "@/lib/errors";
import { isRetriableStatus, parseRetryAfter, planRetry } from "@/lib/fhir/retry-policy";

/** Loopback http (the local Epic sandbox) is the only plain-http token endpoint we accept. */
export function requestOptions(url: string, timeoutMs = 15_000) {
  const { protocol, hostname } = new URL(url);
  const loopback = hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  if (protocol !== "https:" && !loopback) throw new AppError("misconfigured", "Epic endpoints must use https");
  return { [oauth.allowInsecureRequests]: protocol === "http:", signal: AbortSignal.timeout(timeoutMs) };
}

export type TokenRetryOptions = {
  /** Longest all tries together may take (default 20 s; the refresh lock is held longer). */
  budgetMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
};

/**
 * Sends a token request, retrying what Epic may answer differently a moment later — 429 (after its
 * Retry-After), 502/503/504, timeouts and dropped connections — with capped, jittered backoff
 * inside a time budget. An OAuth error (400 invalid_grant and the like) is returned at once for the
 * caller to read. Repeating a refresh whose answer was lost is safe because Epic does not rotate
 * refresh tokens by default; a server that does would answer invalid_grant, which asks the user to
 * reconnect rather than file anything twice.
 */
export async function sendTokenRequest(
  url: string,
  send: (options: ReturnType<typeof requestOptions>) => Promise<Response>,
  options: TokenRetryOptions = {},
): Promise<Response> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const startedAt = now();
  const requestDeadline = startedAt + (options.budgetMs ?? 20_000);
  const backoff = { baseDelayMs: 250, maxDelayMs: 4_000, random: options.random ?? Math.random, maxRetryAfterMs: 10_000 };
  for (let retries = 0; ; retries++) {
    let retryAfterMs: number | undefined;
    let failure: unknown;
    try {
      const response = await send(requestOptions(url, Math.max(1_000, Math.min(15_000, requestDeadline - now()))));
      if (!isRetriableStatus(response.status)) return response;
      retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
      await response.body?.cancel().catch(() => undefined);
      failure = new AppError("ehr_unavailable", `token endpoint answered HTTP ${response.status}`);
    } catch (error) {
      if (!isTransientFetchError(error)) throw error;
      failure = error;
    }
    const plan = planRetry({ retries, maxRetries: 8, retryAfterMs, now: now(), startedAt, requestDeadline, budget: undefined, options: backoff });
    if ("giveUp" in plan) throw new AppError("ehr_unavailable", `token request failed: ${plan.giveUp}`, { cause: failure });
    await sleep(plan.wait);
  }
}

/** fetch's own failures (refused/reset connection: TypeError) and our per-try timeout; never an OAuth answer. */
function isTransientFetchError(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  return error instanceof DOMException && (error.name === "TimeoutError" || error.name === "AbortError");
}

export type TokenSet = {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Date;
  scope: string;
  extra: Record<string, unknown>;
};

/** Epic's token responses: `token_type` lowercase, scope in v1 spelling, context fields beside the tokens. */
export function readTokenResponse(response: oauth.TokenEndpointResponse, now: Date): TokenSet {
  const expiresIn = typeof response.expires_in === "number" ? response.expires_in : 3600;
  const { access_token, refresh_token, expires_in: _e, scope, token_type: _t, id_token: _i, ...extra } = response;
  return {
    accessToken: access_token,
    refreshToken: typeof refresh_token === "string" ? refresh_token : null,
    expiresAt: new Date(now.getTime() + expiresIn * 1000),
    scope: typeof scope === "string" ? scope : "",
    extra,
  };
}

export function isInvalidGrant(error: unknown): boolean {
  return error instanceof oauth.ResponseBodyError && error.error === "invalid_grant";
}
