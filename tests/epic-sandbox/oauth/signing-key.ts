import { exportJWK, generateKeyPair } from "jose";
import type { JWK } from "oidc-provider";

let key: Promise<JWK> | undefined;

/** One RS256 key per process: RSA generation is slow enough to matter when tests start many sandboxes. */
export function signingKey(): Promise<JWK> {
  key ??= (async () => {
    const { privateKey } = await generateKeyPair("RS256", { modulusLength: 2048, extractable: true });
    const jwk = await exportJWK(privateKey);
    return { ...jwk, kid: "epic-sandbox-rs256", alg: "RS256", use: "sig" } as JWK;
  })();
  return key;
}
