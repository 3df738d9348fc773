import { randomBytes } from "node:crypto";
import Provider, { errors } from "oidc-provider";
import type { ClientMetadata, Configuration, JWK, KoaContextWithOIDC } from "oidc-provider";
import { isConfidential } from "../sandbox-clients";
import type { SandboxState } from "../sandbox-state";
import type { EpicRules, SandboxClient } from "../sandbox-types";
import { patientUserById, userByPractitionerId } from "../sandbox-users";
import { allowLoopbackRedirects } from "./allow-loopback-redirects";
import { captureLaunchContext } from "./capture-launch-context";
import { epicTokenResponse } from "./epic-token-response";
import { memoryAdapterFactory } from "./memory-adapter";
import { knownScopes } from "./smart-scopes";

export interface AuthorizationServerDeps {
  issuer: string;
  fhirBase: string;
  tokenEndpoint: string;
  clients: SandboxClient[];
  state: SandboxState;
  rules: EpicRules;
  tokenTtlSeconds: number;
  signingKey: JWK;
}

/** Epic checks the client-assertion lifetime and audience more strictly than oidc-provider does. */
const maxAssertionLifetimeSeconds = 300;

function toClientMetadata(client: SandboxClient): ClientMetadata {
  const codeFlow = client.grantTypes.includes("authorization_code");
  return {
    client_id: client.clientId,
    ...(client.clientSecret ? { client_secret: client.clientSecret } : {}),
    ...(client.jwksUri ? { jwks_uri: client.jwksUri } : {}),
    token_endpoint_auth_method: client.tokenEndpointAuthMethod,
    redirect_uris: client.redirectUris,
    grant_types: client.grantTypes,
    response_types: codeFlow ? ["code"] : [],
    id_token_signed_response_alg: "RS256",
  };
}

export function createAuthorizationServer(deps: AuthorizationServerDeps): Provider {
  const { state, rules, fhirBase } = deps;
  const byId = new Map(deps.clients.map((c) => [c.clientId, c]));

  const configuration: Configuration = {
    adapter: memoryAdapterFactory(),
    clients: deps.clients.map(toClientMetadata),
    jwks: { keys: [deps.signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { required: () => true },
    responseTypes: ["code"],
    clientAuthMethods: ["client_secret_basic", "client_secret_post", "private_key_jwt", "none"],
    enabledJWA: {
      clientAuthSigningAlgValues: ["RS256", "RS384", "RS512", "ES256", "ES384"],
      idTokenSigningAlgValues: ["RS256"],
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: true },
    },
    routes: { authorization: "/authorize", token: "/token", jwks: "/jwks", userinfo: "/userinfo" },
    interactions: { url: (_ctx, interaction) => `/oauth2/interaction/${interaction.uid}` },
    scopes: ["openid", "offline_access", ...knownScopes()],
    claims: { openid: ["sub"], fhirUser: ["fhirUser"], profile: ["name", "preferred_username"] },
    // Epic puts fhirUser in the id_token of a code flow; oidc-provider's spec default keeps it to userinfo.
    conformIdTokenClaims: false,
    findAccount: (_ctx, sub) => {
      const clinician = userByPractitionerId(sub);
      const patient = clinician ? undefined : patientUserById(sub);
      const user = clinician ?? patient;
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: () => ({
          sub,
          fhirUser: `${fhirBase}/${clinician ? "Practitioner" : "Patient"}/${sub}`,
          name: user.displayName,
          preferred_username: user.username,
        }),
      };
    },
    extraParams: {
      aud(_ctx, value) {
        if (value === undefined || value === "") throw new errors.InvalidRequest("aud is required (the FHIR base URL)");
        if (value.replace(/\/$/, "") !== fhirBase) throw new errors.InvalidRequest(`aud must be ${fhirBase}`);
      },
      launch(ctx, value) {
        if (value !== undefined && !state.findLaunch(value)) throw new errors.InvalidRequest("launch is unknown or expired");
        // The `launch` scope asks for the EHR's context, which only a launch token carries; a
        // standalone app asks with launch/patient instead. Runs after redirect_uri is checked, so the
        // error goes back to the app (with its state) rather than to an error page.
        const scopes = String(ctx.oidc.params?.scope ?? "").split(" ");
        if (value === undefined && rules.launchScopeNeedsLaunch && scopes.includes("launch")) {
          throw new errors.InvalidRequest("the launch scope requires a launch parameter (EHR launch)");
        }
      },
    },
    ttl: {
      AccessToken: deps.tokenTtlSeconds,
      ClientCredentials: deps.tokenTtlSeconds,
      AuthorizationCode: 300,
      IdToken: 3600,
      RefreshToken: 90 * 24 * 3600,
      Interaction: 3600,
      Session: 14 * 24 * 3600,
      Grant: 90 * 24 * 3600,
    },
    issueRefreshToken: (_ctx, client) => {
      const registered = byId.get(client.clientId);
      return !!registered && isConfidential(registered) && !!registered.persistentAccess
        && client.grantTypeAllowed("refresh_token");
    },
    rotateRefreshToken: () => {
      // The refresh-invalid-grant fault fires here: after the token is found, before anything is consumed.
      if (state.takeFault("refreshInvalidGrant")) throw new errors.InvalidGrant("refresh token revoked (sandbox fault)");
      return rules.rotateRefreshTokens;
    },
    assertJwtClientAuthClaimsAndHeader: (ctx, claims) => {
      const now = Math.floor(Date.now() / 1000);
      if (typeof claims.exp !== "number" || claims.exp - now > maxAssertionLifetimeSeconds) {
        throw new errors.InvalidClientAuth("client assertion exp must be at most 5 minutes ahead");
      }
      const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (ctx.oidc.route === "token" && !aud.includes(deps.tokenEndpoint)) {
        throw new errors.InvalidClientAuth("client assertion aud must be the token endpoint URL");
      }
    },
    // oidc-provider refuses loopback hosts for jwks_uri (SSRF guard); the sandbox's clients live there.
    fetch: async (url, options) => {
      if (state.takeFault("jwksFail")) return new Response("bad gateway", { status: 502 });
      const { dispatcher: _dispatcher, ...rest } = options as RequestInit & { dispatcher?: unknown };
      return fetch(url, rest);
    },
    clientBasedCORS: () => true,
    renderError: (ctx: KoaContextWithOIDC, out) => {
      ctx.type = "html";
      const text = Object.entries(out).map(([k, v]) => `<p><b>${k}</b>: ${String(v).replace(/</g, "&lt;")}</p>`).join("");
      ctx.body = `<!doctype html><title>Error</title><h1>Sign-in error</h1>${text}`;
    },
  };

  const provider = new Provider(deps.issuer, configuration);
  provider.proxy = false;
  if (rules.allowAnyLoopbackRedirect) allowLoopbackRedirects(provider);
  provider.use(captureLaunchContext(state));
  provider.use(epicTokenResponse({ state, clients: byId, rules }));
  provider.use(refetchClientJwksOnTokenRequests(provider, deps.clients));
  return provider;
}

/**
 * Epic caches a client's JWKS but fetches it again when an assertion names an unknown kid, so a
 * freshly rotated key works at once. oidc-provider keeps a fetched JWKS for at least 60 s; marking
 * the JWT clients' key sets stale before each token request gives Epic's outcome (and lets the
 * jwks-fail fault bite on every request).
 */
function refetchClientJwksOnTokenRequests(provider: Provider, clients: SandboxClient[]) {
  const jwtClients = clients.filter((c) => c.jwksUri).map((c) => c.clientId);
  return async (ctx: { path: string; method: string }, next: () => Promise<void>) => {
    if (ctx.method === "POST" && ctx.path === "/token") {
      for (const id of jwtClients) {
        const client = await provider.Client.find(id);
        const keystore = (client as unknown as { asymmetricKeyStore?: { freshUntil?: number } } | undefined)?.asymmetricKeyStore;
        if (keystore) keystore.freshUntil = 0;
      }
    }
    await next();
  };
}
