import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * TOTP (RFC 6238) over HOTP (RFC 4226): HMAC-SHA-1, 30-second steps, 6 digits, the parameters every
 * authenticator app assumes. Pure apart from `createTotpSecret`; shared with the e2e sign-in fixture.
 */
export const totpDefaults = { stepSeconds: 30, digits: 6, algorithm: "sha1" } as const;
type TotpOptions = { stepSeconds?: number; digits?: number; algorithm?: "sha1" | "sha256" | "sha512" };

const base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function encodeBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += base32Alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += base32Alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes RFC 4648 base32; spaces, hyphens, padding and case are ignored. Throws on other characters. */
export function decodeBase32(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, "");
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = base32Alphabet.indexOf(char);
    if (index < 0) throw new Error("not a base32 secret");
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** HOTP value for one counter (RFC 4226 §5.3, dynamic truncation). */
export function hotp(key: Uint8Array, counter: number, options: TotpOptions = {}): string {
  const digits = options.digits ?? totpDefaults.digits;
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(options.algorithm ?? totpDefaults.algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, "0");
}

export function totpStep(timeMs: number, options: TotpOptions = {}): number {
  return Math.floor(timeMs / 1000 / (options.stepSeconds ?? totpDefaults.stepSeconds));
}

/** The code for the step containing `timeMs`; `secret` is base32 (as shown to the user) or raw bytes. */
export function generateTotp(secret: string | Uint8Array, timeMs: number, options: TotpOptions = {}): string {
  const key = typeof secret === "string" ? decodeBase32(secret) : secret;
  return hotp(key, totpStep(timeMs, options), options);
}

/**
 * The step a code matches within ±`window` steps of `timeMs` (clock drift), or null. The caller stores
 * the step and refuses steps at or below it, so a code cannot be replayed.
 */
export function verifyTotp(
  secret: string | Uint8Array,
  code: string,
  timeMs: number,
  options: TotpOptions & { window?: number; afterStep?: number | null } = {},
): number | null {
  const digits = options.digits ?? totpDefaults.digits;
  if (!new RegExp(`^\\d{${digits}}$`).test(code)) return null;
  const key = typeof secret === "string" ? decodeBase32(secret) : secret;
  const current = totpStep(timeMs, options);
  const window = options.window ?? 1;
  for (let step = current - window; step <= current + window; step++) {
    if (options.afterStep != null && step <= options.afterStep) continue;
    if (timingSafeEqual(Buffer.from(hotp(key, step, options)), Buffer.from(code))) return step;
  }
  return null;
}

export function createTotpSecret(): string {
  return encodeBase32(randomBytes(20));
}

/** The otpauth:// URI authenticator apps import (Key Uri Format). */
export function buildOtpauthUri(input: { secret: string; account: string; issuer: string }): string {
  const label = encodeURIComponent(`${input.issuer}:${input.account}`);
  const params = new URLSearchParams({ secret: input.secret, issuer: input.issuer, algorithm: "SHA1", digits: "6", period: "30" });
  return `otpauth://totp/${label}?${params.toString()}`;
}
