import type { KoaContextWithOIDC } from "oidc-provider";
import type { GrantContext, SandboxState } from "../sandbox-state";
import { patientUserById } from "../sandbox-users";

/**
 * Post-middleware on the authorization endpoint: when a code is issued, remember the request's state and
 * launch context (or the signed-in MyChart patient) for it, so the token response can echo state and carry patient/encounter like Epic's.
 * Keyed per code (not per consent) because a remembered grant skips consent on later launches.
 */
export function captureLaunchContext(state: SandboxState) {
  return async function capture(ctx: KoaContextWithOIDC, next: () => Promise<void>): Promise<void> {
    await next();
    const route = ctx.oidc?.route;
    if (route !== "authorization" && route !== "resume") return;
    const code = ctx.oidc.entities.AuthorizationCode;
    if (!code?.jti) return;
    const params = ctx.oidc.params ?? {};
    const launch = typeof params.launch === "string" ? state.findLaunch(params.launch) : undefined;
    // A MyChart user's standalone launch is about themselves: Epic returns their patient id.
    const self = patientUserById(code.accountId ?? "");
    const context: GrantContext = {
      ...(self ? { patient: self.patientId } : {}),
      ...(launch ?? {}),
      ...(typeof params.state === "string" ? { state: params.state } : {}),
    };
    state.codes.set(code.jti, context);
    if (code.grantId) state.grants.set(code.grantId, context);
  };
}
