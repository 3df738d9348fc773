import "server-only";
import type { Db } from "@/db/client";
import { isOrgAdminAnywhere } from "@/db/queries/organizations";
import { claimTotpStep, consumeRecoveryCodeHash, updateUserTotp, type UserRow } from "@/db/queries/users";
import { getCipher } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { checkRateLimit, rateLimitRules, resetRateLimit } from "@/lib/security/check-rate-limit";
import { createRecoveryCodes, hashRecoveryCode, looksLikeRecoveryCode } from "./recovery-codes";
import { buildOtpauthUri, createTotpSecret, verifyTotp } from "./totp";

export const totpSecretAad = (userId: string) => `users.totp_secret:${userId}`;
export type SecondFactor = "totp" | "recovery_code";

/** Platform admins and clinic admins must use a second factor with their password. */
export async function requiresTwoFactor(db: Db, user: Pick<UserRow, "id" | "isPlatformAdmin">): Promise<boolean> {
  return user.isPlatformAdmin || (await isOrgAdminAnywhere(db, user.id));
}

/**
 * Starts (or restarts) enrolment: a new secret, encrypted, not yet enabled, and new recovery codes.
 * What is returned is shown once; only the ciphertext and the code hashes are stored.
 */
export async function startTotpEnrolment(db: Db, user: Pick<UserRow, "id" | "email" | "totpEnabledAt">) {
  if (user.totpEnabledAt) throw new AppError("conflict", "two-factor already enabled");
  const secret = createTotpSecret();
  const recoveryCodes = createRecoveryCodes();
  await updateUserTotp(db, user.id, {
    totpSecretEncrypted: getCipher().encrypt(secret, totpSecretAad(user.id)),
    totpEnabledAt: null,
    totpLastStep: null,
    totpRecoveryCodeHashes: recoveryCodes.map(hashRecoveryCode),
  });
  return { secret, recoveryCodes, otpauthUri: buildOtpauthUri({ secret, account: user.email ?? user.id, issuer: "HealthPrep" }) };
}

/**
 * Checks a TOTP code (or, once enabled, a recovery code) for the user's secret. Rate-limited per
 * account; a code's time step is claimed atomically so it works once. Completes a pending enrolment.
 */
export async function verifySecondFactor(db: Db, user: UserRow, code: string, now: Date): Promise<SecondFactor> {
  await checkRateLimit(db, rateLimitRules.totpPerAccount, user.id, now);
  if (!user.totpSecretEncrypted) throw new AppError("unauthenticated", "no second factor enrolled");
  const trimmed = code.replace(/\s/g, "");
  if (user.totpEnabledAt && looksLikeRecoveryCode(trimmed)) {
    if (await consumeRecoveryCodeHash(db, user.id, hashRecoveryCode(trimmed))) {
      await resetRateLimit(db, rateLimitRules.totpPerAccount, user.id);
      return "recovery_code";
    }
    throw new AppError("unauthenticated", "wrong recovery code");
  }
  const secret = getCipher().decrypt(user.totpSecretEncrypted, totpSecretAad(user.id));
  const step = verifyTotp(secret, trimmed, now.getTime(), { afterStep: user.totpLastStep });
  if (step === null || !(await claimTotpStep(db, user.id, step))) throw new AppError("unauthenticated", "wrong or reused code");
  if (!user.totpEnabledAt) await updateUserTotp(db, user.id, { totpEnabledAt: now });
  await resetRateLimit(db, rateLimitRules.totpPerAccount, user.id);
  return "totp";
}
