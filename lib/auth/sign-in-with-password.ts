import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findUserByEmail, findUserById } from "@/db/queries/users";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-meta";
import { checkRateLimit, rateLimitRules, resetRateLimit } from "@/lib/security/check-rate-limit";
import { decoyPasswordHash, verifyPassword } from "./password";
import { createSignInChallenge, readSignInChallenge } from "./sign-in-challenge";
import { startUserSession } from "./start-user-session";
import { requiresTwoFactor, startTotpEnrolment, verifySecondFactor } from "./two-factor";

const passwordSignInSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

export type PasswordStepResult =
  | { next: "done"; challenge: string }
  | { next: "totp"; challenge: string }
  | { next: "enrol"; challenge: string; enrolment: { otpauthUri: string; secret: string; recoveryCodes: string[] } };

/**
 * Step one of email + password sign-in for people who are not Epic users (admins). Rate-limited per
 * account and per IP before the hash is checked; unknown accounts cost the same scrypt time as known
 * ones. Returns a short-lived challenge for step two, and what step two must ask for.
 */
export async function beginPasswordSignIn(input: { email?: unknown; password?: unknown; meta: RequestMeta }): Promise<PasswordStepResult> {
  const parsed = passwordSignInSchema.safeParse(input);
  if (!parsed.success) throw new AppError("invalid_input", "sign-in form incomplete");
  const { email, password } = parsed.data;
  const db = await getDb();
  const now = new Date();
  await checkRateLimit(db, rateLimitRules.passwordPerIp, input.meta.ip ?? "unknown", now);
  await checkRateLimit(db, rateLimitRules.passwordPerAccount, email.toLowerCase(), now);

  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? decoyPasswordHash);
  if (!user || !ok || user.disabledAt) {
    await recordAuditEvent(db, { actorUserId: user?.id ?? null, organizationId: null, ...input.meta }, {
      action: "auth.sign_in_failed",
      metadata: { method: "password", reason: user ? (user.disabledAt ? "disabled" : "bad_password") : "unknown_account" },
    });
    throw new AppError("unauthenticated", "wrong email or password");
  }
  await resetRateLimit(db, rateLimitRules.passwordPerAccount, email.toLowerCase());
  const challenge = await createSignInChallenge(user.id, now);
  if (user.totpEnabledAt) return { next: "totp", challenge };
  if (await requiresTwoFactor(db, user)) return { next: "enrol", challenge, enrolment: await startTotpEnrolment(db, user) };
  return { next: "done", challenge };
}

/**
 * Step two: the challenge from step one plus, for anyone enrolled or required to be, a TOTP or
 * recovery code. Opens the server-side session. Called by the Auth.js credentials provider.
 */
export async function completePasswordSignIn(input: { challenge?: unknown; code?: unknown; meta: RequestMeta }) {
  const db = await getDb();
  const now = new Date();
  const userId = await readSignInChallenge(input.challenge, now);
  const user = await findUserById(db, userId);
  if (!user || user.disabledAt) throw new AppError("unauthenticated", "account unavailable");
  let secondFactor: "none" | "totp" | "recovery_code" = "none";
  // A non-admin's unconfirmed enrolment (account page) is not a second factor yet: it must not lock them out.
  if (user.totpEnabledAt || (await requiresTwoFactor(db, user))) {
    const code = typeof input.code === "string" ? input.code.slice(0, 40) : "";
    try {
      secondFactor = await verifySecondFactor(db, user, code, now);
    } catch (error) {
      if (error instanceof AppError && error.code === "unauthenticated") {
        await recordAuditEvent(db, { actorUserId: user.id, organizationId: null, ...input.meta }, {
          action: "auth.sign_in_failed",
          metadata: { method: "password", reason: "bad_second_factor" },
        });
      }
      throw error;
    }
  }
  const session = await startUserSession(db, { userId: user.id, method: "password", meta: input.meta, now, secondFactor });
  return { id: user.id, name: user.name, email: user.email, sessionId: session.id };
}
