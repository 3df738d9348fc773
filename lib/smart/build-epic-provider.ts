import "server-only";
import type { OAuthConfig } from "next-auth/providers";
import type { Db } from "@/db/client";
import { findEhrConnection } from "@/db/queries/ehr-connections";
import { findOrganizationBySlug } from "@/db/queries/organizations";
import type { RequestMeta } from "@/lib/http/request-meta";
import { completeEpicSignIn } from "./complete-epic-sign-in";
import { scopesFor } from "./epic-scopes";
import { loadEpicEndpoints } from "./load-epic-endpoints";
import { verifyIdToken, type EpicIdClaims } from "./verify-id-token";

/**
 * The Auth.js "epic" provider for one clinic: endpoints from that clinic's SMART discovery, its own
 * client id and authentication, PKCE + state, `aud` = its FHIR base. Built per request because every
 * clinic has its own Epic app registration.
 */
export async function buildEpicProvider(db: Db, orgSlug: string, meta: () => Promise<RequestMeta>): Promise<OAuthConfig<EpicIdClaims> | null> {
  const organization = await findOrganizationBySlug(db, orgSlug);
  if (!organization || organization.status !== "active") return null;
  const connection = await findEhrConnection(db, organization.id);
  if (!connection) return null;
  const { smart, secret } = await loadEpicEndpoints(connection);
  const issuer = smart.issuer ?? connection.fhirBaseUrl.replace(/\/api\/FHIR\/R4\/?$/, "/oauth2");
  const jwksUri = smart.jwks_uri ?? `${issuer}/jwks`;
  return {
    id: "epic",
    name: "Epic",
    type: "oauth",
    issuer,
    clientId: connection.clientId,
    ...(secret ? { clientSecret: secret } : {}),
    client: { token_endpoint_auth_method: connection.clientAuthMethod },
    checks: ["pkce", "state"],
    authorization: {
      url: smart.authorization_endpoint,
      params: { scope: scopesFor(connection.scopes, "standalone"), aud: connection.fhirBaseUrl },
    },
    token: smart.token_endpoint,
    userinfo: {
      url: smart.token_endpoint,
      // Epic has no userinfo for providers; the verified id_token is the profile.
      request: async ({ tokens }: { tokens: { id_token?: unknown } }) =>
        verifyIdToken(tokens.id_token, { issuer, jwksUri, clientId: connection.clientId }),
    },
    profile: async (claims, tokens) =>
      completeEpicSignIn(db, { organization, connection, claims, tokens: tokens as Record<string, unknown>, meta: await meta() }),
  };
}
