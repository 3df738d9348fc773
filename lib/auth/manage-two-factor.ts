import "server-only";
import type { Db } from "@/db/client";
import { findUserById, updateUserTotp, type UserRow } from "@/db/queries/users";
import type { AuditAction } from "@/lib/audit/audit-actions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import type { RequestMeta } from "@/lib/http/request-meta";
import { createRecoveryCodes, hashRecoveryCode } from "./recovery-codes";
import { requiresTwoFactor, startTotpEnrolment, verifySecondFactor } from "./two-factor";

/**
 * Two-factor changes a signed-in user makes on their own account page. Changing an active second
 * factor needs a current code (a stolen session alone cannot remove it); every change is audited.
 */
type Actor = { userId: string; meta: RequestMeta; now?: Date };

async function loadPasswordUser(db: Db, userId: string): Promise<UserRow> {
  const user = await findUserById(db, userId);
  if (!user || user.disabledAt) throw new AppError("unauthenticated", "account unavailable");
  if (!user.passwordHash) {
    throw new AppError("conflict", "two-factor is for password sign-in", { publicMessage: "You sign in with Epic; two-factor is managed by Epic." });
  }
  return user;
}

const audit = (db: Db, actor: Actor, action: AuditAction, metadata: Record<string, number | string> = {}) =>
  recordAuditEvent(db, { actorUserId: actor.userId, organizationId: null, ip: actor.meta.ip, userAgent: actor.meta.userAgent }, {
    action,
    targetType: "user",
    targetIds: [actor.userId],
    metadata,
  });

/** Starts (or restarts, while not yet confirmed) enrolment; the secret and codes are shown once. */
export async function beginTwoFactorEnrolment(db: Db, actor: Actor) {
  const user = await loadPasswordUser(db, actor.userId);
  if (user.totpEnabledAt) {
    throw new AppError("conflict", "two-factor already on", { publicMessage: "Two-factor sign-in is already on." });
  }
  const enrolment = await startTotpEnrolment(db, user);
  await audit(db, actor, "auth.two_factor_enrolment_started");
  return enrolment;
}

/** The first code from the authenticator app turns two-factor on (recovery codes do not count here). */
export async function confirmTwoFactorEnrolment(db: Db, actor: Actor & { code: string }) {
  const user = await loadPasswordUser(db, actor.userId);
  if (user.totpEnabledAt || !user.totpSecretEncrypted) {
    throw new AppError("conflict", "no pending enrolment", { publicMessage: "Start setting up two-factor sign-in first." });
  }
  await verifyOrExplain(db, user, actor.code, actor.now);
  await audit(db, actor, "auth.two_factor_enabled");
}

/** New recovery codes replace all old ones; shown once. */
export async function regenerateRecoveryCodes(db: Db, actor: Actor & { code: string }): Promise<string[]> {
  const user = await requireEnabled(db, actor.userId);
  await verifyOrExplain(db, user, actor.code, actor.now);
  const codes = createRecoveryCodes();
  await db.transaction(async (tx) => {
    await updateUserTotp(tx, user.id, { totpRecoveryCodeHashes: codes.map(hashRecoveryCode) });
    await audit(tx, actor, "auth.recovery_codes_regenerated", { count: codes.length });
  });
  return codes;
}

/** Turns two-factor off (or abandons a pending enrolment). Admins must keep it. */
export async function disableTwoFactor(db: Db, actor: Actor & { code: string }) {
  const user = await loadPasswordUser(db, actor.userId);
  if (await requiresTwoFactor(db, user)) {
    throw new AppError("forbidden", "admins must keep two-factor", {
      publicMessage: "Administrators must keep two-factor sign-in on. You can create new recovery codes instead.",
    });
  }
  if (!user.totpSecretEncrypted && !user.totpEnabledAt) return;
  if (user.totpEnabledAt) await verifyOrExplain(db, user, actor.code, actor.now);
  await db.transaction(async (tx) => {
    await updateUserTotp(tx, user.id, { totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null, totpRecoveryCodeHashes: [] });
    await audit(tx, actor, "auth.two_factor_disabled", { was: user.totpEnabledAt ? "on" : "pending" });
  });
}

async function requireEnabled(db: Db, userId: string): Promise<UserRow> {
  const user = await loadPasswordUser(db, userId);
  if (!user.totpEnabledAt) throw new AppError("conflict", "two-factor not on", { publicMessage: "Turn on two-factor sign-in first." });
  return user;
}

async function verifyOrExplain(db: Db, user: UserRow, code: string, now = new Date()) {
  try {
    await verifySecondFactor(db, user, code.slice(0, 40), now);
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthenticated") {
      throw new AppError("invalid_input", "wrong second factor", { publicMessage: "That code is not valid. Wait for a new code and try again." });
    }
    throw error;
  }
}
