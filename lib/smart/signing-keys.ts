import "server-only";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from "jose";
import type { Db } from "@/db/client";
import { insertSigningKey, listSigningKeys, retireSigningKeys } from "@/db/queries/ehr-connections";
import { getCipher } from "@/lib/crypto";

const alg = "RS384";
/** Epic caches a JWKS for up to 29 hours, so a retired key stays published for 30. */
export const retiredKeyGraceMs = 30 * 60 * 60_000;

export const signingKeyAad = (kid: string) => `signing_keys.private_jwk:${kid}`;

/** Creates a new active key (RS384, 2048-bit) and retires the others; they stay in the JWKS for the grace period. */
export async function rotateSigningKey(db: Db, now = new Date()): Promise<string> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  const publicJwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await exportJWK(privateKey);
  await db.transaction(async (tx) => {
    await insertSigningKey(tx, {
      kid,
      alg,
      publicJwk: JSON.stringify({ ...publicJwk, kid, alg, use: "sig" }),
      privateJwkEncrypted: getCipher().encrypt(JSON.stringify(privateJwk), signingKeyAad(kid)),
      createdAt: now,
    });
    await retireSigningKeys(tx, kid, now);
  });
  return kid;
}

/** The active signing key, created on first use. */
export async function getActiveSigningKey(db: Db): Promise<{ kid: string; alg: typeof alg; key: CryptoKey }> {
  let active = (await listSigningKeys(db)).filter((k) => !k.retiredAt).at(-1);
  if (!active) {
    await rotateSigningKey(db);
    active = (await listSigningKeys(db)).filter((k) => !k.retiredAt).at(-1)!;
  }
  const jwk = JSON.parse(getCipher().decrypt(active.privateJwkEncrypted, signingKeyAad(active.kid))) as JWK;
  return { kid: active.kid, alg, key: (await importJWK(jwk, alg)) as CryptoKey };
}

/** Public keys for `/.well-known/jwks.json`: the active key plus retired keys still within the grace period. */
export async function listPublishedJwks(db: Db, now = new Date()): Promise<{ keys: JWK[] }> {
  const keys = (await listSigningKeys(db))
    .filter((k) => !k.retiredAt || now.getTime() - k.retiredAt.getTime() < retiredKeyGraceMs)
    .map((k) => JSON.parse(k.publicJwk) as JWK);
  return { keys };
}
