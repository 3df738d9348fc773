import { createHash, randomBytes } from "node:crypto";
import { encodeBase32 } from "./totp";

/**
 * One-time recovery codes: 50 random bits each, shown once, stored as SHA-256 hashes. A fast hash is
 * enough at this entropy, and sign-in attempts are rate-limited per account.
 */
export function createRecoveryCodes(count = 10): string[] {
  return Array.from({ length: count }, () => {
    const code = encodeBase32(randomBytes(7)).slice(0, 10).toLowerCase();
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]/g, "");
}

export function looksLikeRecoveryCode(code: string): boolean {
  return /^[a-z2-7]{10}$/.test(normalizeRecoveryCode(code));
}

export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
}
