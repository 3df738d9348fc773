import * as oauth from "oauth4webapi";
import { AppError } from "@/lib/errors";

/** Loopback http (the local Epic sandbox) is the only plain-http token endpoint we accept. */
export function requestOptions(url: string) {
  const { protocol, hostname } = new URL(url);
  const loopback = hostname === "127.0.0.1" || hostname === "localhost" || hostname === "[::1]";
  if (protocol !== "https:" && !loopback) throw new AppError("misconfigured", "Epic endpoints must use https");
  return { [oauth.allowInsecureRequests]: protocol === "http:", signal: AbortSignal.timeout(15_000) };
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
