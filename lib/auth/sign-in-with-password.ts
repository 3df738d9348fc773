import "server-only";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findUserByEmail } from "@/db/queries/users";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-meta";
import { checkRateLimit, rateLimitRules, resetRateLimit } from "@/lib/security/check-rate-limit";
import { decoyPasswordHash, verifyPassword } from "./password";
import { startUserSession } from "./start-user-session";

const passwordSignInSchema = z.object({
  email: z.email().max(320),
  password: z.string().min(1).max(1024),
});

/**
 * Email + password sign-in for people who are not Epic users (admins). Rate-limited per account and
 * per IP before the hash is checked; unknown accounts cost the same scrypt time as known ones.
 */
export async function signInWithPassword(input: { email?: unknown; password?: unknown; meta: RequestMeta }) {
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
  const session = await startUserSession(db, { userId: user.id, method: "password", meta: input.meta, now });
  return { id: user.id, name: user.name, email: user.email, sessionId: session.id };
}
