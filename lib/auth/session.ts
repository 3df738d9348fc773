import "server-only";
import { cache } from "react";
import { getDb } from "@/db/client";
import { findUserSessionWithUser, revokeUserSession, touchUserSession } from "@/db/queries/user-sessions";
import { AppError } from "@/lib/errors";
import { getMembershipsOfUser } from "./get-memberships-of-user";
import { auth } from "./index";
import { findSessionEndReason, resolveSessionPolicy, sessionPolicy } from "./session-policy";

export type SessionUser = {
  userId: string;
  sessionId: string;
  name: string | null;
  email: string | null;
  isPlatformAdmin: boolean;
};

/**
 * The signed-in user, re-validated against our session table on every request: a valid JWT is not
 * enough once the session was revoked, timed out, or the user was disabled.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  const sessionId = session?.sessionId;
  if (!userId || !sessionId) return null;
  const db = await getDb();
  const found = await findUserSessionWithUser(db, sessionId);
  if (!found || found.session.userId !== userId) return null;
  const { session: row, user } = found;
  const now = new Date();
  // Timeouts follow the user's clinics (organizations.settings), strictest first.
  const policy = resolveSessionPolicy((await getMembershipsOfUser(db, userId)).map((m) => m.organization.settings));
  const endReason = findSessionEndReason(row, now, policy);
  if (endReason) {
    if (endReason !== "revoked") await revokeUserSession(db, row.id, endReason, now);
    return null;
  }
  if (user.disabledAt) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > sessionPolicy.touchEveryMs) await touchUserSession(db, row.id, now);
  return { userId, sessionId, name: user.name, email: user.email, isPlatformAdmin: user.isPlatformAdmin };
});

export async function requireSessionUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new AppError("unauthenticated", "no valid session");
  return user;
}
