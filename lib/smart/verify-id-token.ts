import { createRemoteJWKSet, jwtVerify, type JWTPayload } from "jose";
import { AppError } from "@/lib/errors";

export type EpicIdClaims = JWTPayload & { sub: string; fhirUser?: string; name?: string; email?: string };

const jwksCache = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/**
 * Verifies the id_token's RS256 signature against the issuer's JWKS, its issuer and audience.
 * (Auth.js checks claims for OAuth-type providers but not the signature.)
 */
export async function verifyIdToken(idToken: unknown, input: { issuer: string; jwksUri: string; clientId: string }): Promise<EpicIdClaims> {
  if (typeof idToken !== "string") throw new AppError("ehr_rejected", "Epic sent no id_token (is openid in the scopes?)");
  let jwks = jwksCache.get(input.jwksUri);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(input.jwksUri), { timeoutDuration: 10_000 });
    jwksCache.set(input.jwksUri, jwks);
  }
  try {
    const { payload } = await jwtVerify(idToken, jwks, { issuer: input.issuer, audience: input.clientId, algorithms: ["RS256"] });
    if (typeof payload.sub !== "string") throw new Error("no sub");
    return payload as EpicIdClaims;
  } catch (cause) {
    throw new AppError("ehr_rejected", "id_token failed verification", { cause });
  }
}
