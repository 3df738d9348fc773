import { createCipheriv, createDecipheriv, createSecretKey, randomBytes, type KeyObject } from "node:crypto";
import { AppError } from "@/lib/errors";

/**
 * Envelope encryption for tokens and stored clinical text. Every value gets its own random data key
 * (AES-256-GCM), and that data key is wrapped with a key-encryption key named by id. The id travels
 * with the ciphertext so old values stay readable after a new key becomes active; `rotate` re-wraps.
 *
 * Format: hp1.<kid>.<wrapIv>.<wrappedKey>.<wrapTag>.<iv>.<ciphertext>.<tag> (base64url parts).
 * `aad` binds a value to where it is stored (e.g. "ehr_tokens.access_token:<row id>"), so a ciphertext
 * copied into another row or column does not decrypt.
 */
export type Keyring = { activeKeyId: string; keys: ReadonlyMap<string, Buffer> };

const version = "hp1";

export function parseKeyring(spec: string): Keyring {
  const keys = new Map<string, Buffer>();
  let activeKeyId: string | undefined;
  for (const entry of spec.split(",")) {
    const [kid, b64] = entry.split(":");
    if (!kid || !b64) throw new AppError("misconfigured", "ENCRYPTION_KEYS entry is not KEYID:BASE64");
    const key = Buffer.from(b64, "base64");
    if (key.length !== 32) throw new AppError("misconfigured", `ENCRYPTION_KEYS key ${kid} is not 32 bytes`);
    if (keys.has(kid)) throw new AppError("misconfigured", `ENCRYPTION_KEYS key id ${kid} appears twice`);
    keys.set(kid, key);
    activeKeyId ??= kid;
  }
  if (!activeKeyId) throw new AppError("misconfigured", "ENCRYPTION_KEYS is empty");
  return { activeKeyId, keys };
}

// Keys go to the cipher as KeyObjects: with a raw Buffer, Node 24's createCipheriv/createDecipheriv
// spend ~30 µs checking and importing the key on every call (about four times the AES-GCM work on a
// banner-sized value); a KeyObject costs ~1 µs to make. The stored format does not change.
function seal(key: KeyObject, plaintext: Buffer, aad: Buffer): [Buffer, Buffer, Buffer] {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [iv, body, cipher.getAuthTag()];
}

function open(key: KeyObject, iv: Buffer, body: Buffer, tag: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]);
}

const b64 = (b: Buffer) => b.toString("base64url");

export function createEnvelopeCipher(keyring: Keyring) {
  const keks = new Map([...keyring.keys].map(([kid, key]) => [kid, createSecretKey(key)]));

  function encrypt(plaintext: string, aad: string): string {
    const kek = keks.get(keyring.activeKeyId);
    if (!kek) throw new AppError("misconfigured", "active encryption key missing");
    const dataKey = randomBytes(32);
    const aadBytes = Buffer.from(aad, "utf8");
    const [wrapIv, wrapped, wrapTag] = seal(kek, dataKey, Buffer.from(`${version}.${keyring.activeKeyId}`));
    const [iv, body, tag] = seal(createSecretKey(dataKey), Buffer.from(plaintext, "utf8"), aadBytes);
    return [version, keyring.activeKeyId, b64(wrapIv), b64(wrapped), b64(wrapTag), b64(iv), b64(body), b64(tag)].join(".");
  }

  function decrypt(ciphertext: string, aad: string): string {
    const parts = ciphertext.split(".");
    if (parts.length !== 8 || parts[0] !== version) {
      throw new AppError("internal", "ciphertext is not in the hp1 envelope format");
    }
    const [, kid, wrapIv, wrapped, wrapTag, iv, body, tag] = parts as [string, string, string, string, string, string, string, string];
    const kek = keks.get(kid);
    if (!kek) throw new AppError("misconfigured", `no decryption key for key id ${kid}`);
    try {
      const b = (s: string) => Buffer.from(s, "base64url");
      const dataKey = open(kek, b(wrapIv), b(wrapped), b(wrapTag), Buffer.from(`${version}.${kid}`));
      return open(createSecretKey(dataKey), b(iv), b(body), b(tag), Buffer.from(aad, "utf8")).toString("utf8");
    } catch (cause) {
      // GCM authentication failed: tampered, truncated, or bound to another row/column.
      throw new AppError("internal", "ciphertext failed authentication", { cause });
    }
  }

  function keyIdOf(ciphertext: string): string | undefined {
    const parts = ciphertext.split(".");
    return parts[0] === version ? parts[1] : undefined;
  }

  /** Re-encrypts under the active key; returns null when the value already uses it. */
  function rotate(ciphertext: string, aad: string): string | null {
    if (keyIdOf(ciphertext) === keyring.activeKeyId) return null;
    return encrypt(decrypt(ciphertext, aad), aad);
  }

  return { encrypt, decrypt, rotate, keyIdOf, activeKeyId: keyring.activeKeyId };
}

export type EnvelopeCipher = ReturnType<typeof createEnvelopeCipher>;
