import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type * as oauth from "oauth4webapi";

/**
 * private_key_jwt client authentication as Epic and SMART require: iss = sub = client_id,
 * aud = the token endpoint (a single string, not Auth.js's array), exp ≤ 5 minutes, a fresh jti.
 */
export async function buildClientAssertion(input: {
  clientId: string;
  tokenEndpoint: string;
  key: CryptoKey;
  kid: string;
  alg: string;
  now?: Date;
}): Promise<string> {
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ jti: randomUUID() })
    .setProtectedHeader({ alg: input.alg, kid: input.kid, typ: "JWT" })
    .setIssuer(input.clientId)
    .setSubject(input.clientId)
    .setAudience(input.tokenEndpoint)
    .setIssuedAt(iat)
    .setNotBefore(iat)
    .setExpirationTime(iat + 240)
    .sign(input.key);
}

/** An oauth4webapi ClientAuth that sends our own assertion. */
export function clientAssertionAuth(assertion: () => Promise<string>): oauth.ClientAuth {
  return async (_as, _client, body) => {
    body.set("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    body.set("client_assertion", await assertion());
  };
}
