import { createHash } from "node:crypto";
import type { KoaContextWithOIDC } from "oidc-provider";
import type { GrantContext, SandboxState } from "../sandbox-state";
import type { EpicRules, SandboxClient } from "../sandbox-types";
import { userByPractitionerId } from "../sandbox-users";
import { toV1Scopes } from "./smart-scopes";

interface Deps {
  state: SandboxState;
  clients: Map<string, SandboxClient>;
  rules: EpicRules;
}

type Body = Record<string, unknown>;

/** Epic's DSTU2 patient id differs from the R4 one; derive a stable stand-in. */
export function dstu2PatientId(r4Id: string): string {
  return `T${createHash("sha256").update(r4Id).digest("base64url").slice(0, 43)}`;
}

function launchContextFields(context: GrantContext | undefined): Body {
  if (!context?.patient) return { need_patient_banner: "true" };
  return {
    patient: context.patient,
    "__epic.dstu2.patient": dstu2PatientId(context.patient),
    ...(context.encounter ? { encounter: context.encounter } : {}),
    // Inside Hyperspace the EHR shows its own banner; Epic sends this as a string, not a boolean.
    need_patient_banner: "false",
  };
}

/**
 * Post-middleware on the token endpoint that reshapes oidc-provider's answer into Epic's: lowercase
 * bearer, v1 scopes, launch context, echoed state, and no id_token or new refresh_token on refresh.
 * It also counts token requests and records each issued access token for the FHIR endpoint.
 */
export function epicTokenResponse({ state, clients, rules }: Deps) {
  return async function epicToken(ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> {
    if (ctx.method === "POST" && ctx.path === "/token") state.count("tokenRequests");
    await next();
    if (ctx.oidc?.route !== "token") return;
    const grantType = ctx.oidc.params?.grant_type;
    if (grantType === "refresh_token") state.count("refreshRequests");
    if (ctx.status !== 200 || !ctx.body || typeof ctx.body !== "object") return;

    const body = ctx.body as Body;
    const clientId = ctx.oidc.client?.clientId ?? "";
    const registered = clients.get(clientId);
    const code = ctx.oidc.entities.AuthorizationCode?.jti;
    const grantId = ctx.oidc.entities.RefreshToken?.grantId;
    const context = code ? state.codes.get(code) : grantId ? state.grants.get(grantId) : undefined;
    if (code) state.codes.delete(code);
    const granted = String(body.scope ?? "").split(" ").filter(Boolean);
    const scopes = grantType === "client_credentials" && registered?.registeredScopes
      ? [...registered.registeredScopes]
      : toV1Scopes(granted);
    const expiresIn = Number(body.expires_in ?? 0);

    const out: Body = {
      access_token: body.access_token,
      token_type: "bearer",
      expires_in: expiresIn,
      scope: scopes.join(" "),
    };
    if (grantType === "authorization_code") {
      if (body.id_token) out.id_token = body.id_token;
      if (body.refresh_token) out.refresh_token = body.refresh_token;
      Object.assign(out, launchContextFields(context));
      if (context?.state) out.state = context.state;
    }
    if (grantType === "refresh_token" && rules.rotateRefreshTokens && body.refresh_token) {
      out.refresh_token = body.refresh_token;
    }
    ctx.body = out;

    state.tokens.set(String(body.access_token), {
      clientId,
      scopes,
      expiresAt: Date.now() + expiresIn * 1000,
      ...(context?.patient ? { patient: context.patient } : {}),
      ...(context?.encounter ? { encounter: context.encounter } : {}),
      ...(userByPractitionerId(ctx.oidc.entities.Account?.accountId ?? "") ? { practitioner: ctx.oidc.entities.Account?.accountId } : {}),
    });
  };
}
