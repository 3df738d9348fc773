import type { IncomingMessage } from "node:http";
import type { OperationOutcome } from "@medplum/fhirtypes";
import { scopesAllow } from "../oauth/smart-scopes";
import type { IssuedToken, SandboxState } from "../sandbox-state";
import type { EpicRules } from "../sandbox-types";
import { outcome } from "./operation-outcome";

export type BearerCheck =
  | { ok: true; token: IssuedToken | undefined }
  | { ok: false; status: 401 | 403; wwwAuthenticate: string; body: OperationOutcome | undefined };

export function bearerOf(req: IncomingMessage): string | null {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  return m?.[1]?.trim() ?? null;
}

/**
 * Epic's resource-server answers: no, unknown or expired token → 401 with WWW-Authenticate and an
 * OperationOutcome; a token without the API's scope → 403 with an empty body.
 */
export function checkBearer(
  req: IncomingMessage,
  state: SandboxState,
  rules: EpicRules,
  resourceType: string,
  interaction: "read" | "write",
): BearerCheck {
  if (!rules.requireBearer) return { ok: true, token: undefined };
  const value = bearerOf(req);
  if (!value) {
    return { ok: false, status: 401, wwwAuthenticate: 'Bearer realm="Epic sandbox"', body: outcome("error", "login", "An access token is required.") };
  }
  const token = state.tokens.get(value);
  if (!token || token.expiresAt <= Date.now()) {
    return {
      ok: false,
      status: 401,
      wwwAuthenticate: 'Bearer error="invalid_token", error_description="The access token provided is expired, revoked, malformed, or invalid"',
      body: outcome("error", "expired", "The access token is expired or invalid.", "59110"),
    };
  }
  if (rules.checkScopes && !scopesAllow(token.scopes, resourceType, interaction)) {
    return { ok: false, status: 403, wwwAuthenticate: 'Bearer error="insufficient_scope"', body: undefined };
  }
  return { ok: true, token };
}
