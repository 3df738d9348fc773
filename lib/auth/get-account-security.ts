import "server-only";
import type { Db } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { listOpenUserSessions } from "@/db/queries/user-sessions";
import { AppError } from "@/lib/errors";
import { requiresTwoFactor } from "./two-factor";

export type AccountSecurity = {
  email: string | null;
  /** Password users can use two-factor; Epic users sign in through Epic's own controls. */
  hasPassword: boolean;
  twoFactor: "off" | "pending" | "on";
  /** Admins must keep two-factor on (lib/auth/two-factor.ts). */
  twoFactorRequired: boolean;
  recoveryCodesLeft: number;
  sessions: Array<{ id: string; method: "password" | "epic"; createdAt: Date; lastSeenAt: Date; current: boolean }>;
};

/** What the account page shows about the signed-in user's own sign-in security. Ids and times only. */
export async function getAccountSecurity(db: Db, input: { userId: string; sessionId: string; now?: Date }): Promise<AccountSecurity> {
  const user = await findUserById(db, input.userId);
  if (!user) throw new AppError("unauthenticated", "account gone");
  const sessions = await listOpenUserSessions(db, user.id, input.now ?? new Date());
  return {
    email: user.email,
    hasPassword: Boolean(user.passwordHash),
    twoFactor: user.totpEnabledAt ? "on" : user.totpSecretEncrypted ? "pending" : "off",
    twoFactorRequired: await requiresTwoFactor(db, user),
    recoveryCodesLeft: user.totpEnabledAt ? user.totpRecoveryCodeHashes.length : 0,
    sessions: sessions.map((s) => ({ id: s.id, method: s.method, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, current: s.id === input.sessionId })),
  };
}
