import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import type { CryptoKey } from "jose";

export interface ClientKeys {
  jwksUri: string;
  /** How many times the sandbox fetched the JWKS. */
  fetches(): number;
  /** A client assertion: iss = sub = clientId, aud = token endpoint, exp 4 minutes ahead unless overridden. */
  assertion(claims: { clientId: string; aud: string | string[]; expInSeconds?: number; jti?: string }): Promise<string>;
  close(): Promise<void>;
}

/** An RS384 key pair whose public half is served as a JWK Set URL, as Epic requires for backend apps. */
export async function startClientKeys(): Promise<ClientKeys> {
  const { privateKey, publicKey } = await generateKeyPair("RS384", { modulusLength: 2048, extractable: true });
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key-1", alg: "RS384", use: "sig" };
  let fetches = 0;
  const server = createServer((_req, res) => {
    fetches += 1;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUri: `http://127.0.0.1:${port}/jwks.json`,
    fetches: () => fetches,
    assertion: ({ clientId, aud, expInSeconds = 240, jti = randomUUID() }) =>
      sign(privateKey, { clientId, aud, expInSeconds, jti }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function sign(key: CryptoKey, c: { clientId: string; aud: string | string[]; expInSeconds: number; jti: string }): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS384", kid: "test-key-1", typ: "JWT" })
    .setIssuer(c.clientId)
    .setSubject(c.clientId)
    .setAudience(c.aud)
    .setJti(c.jti)
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + c.expInSeconds)
    .sign(key);
}
