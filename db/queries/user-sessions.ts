import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { definePreparedQuery } from "../prepared-query";
import { userSessions, users } from "../schema";

export type UserSessionRow = typeof userSessions.$inferSelect;

export async function insertUserSession(db: Db, row: typeof userSessions.$inferInsert): Promise<UserSessionRow> {
  const [created] = await db.insert(userSessions).values(row).returning();
  return created!;
}

export async function findUserSession(db: Db, id: string): Promise<UserSessionRow | null> {
  const [row] = await db.select().from(userSessions).where(eq(userSessions.id, id)).limit(1);
  return row ?? null;
}

const sessionWithUser = definePreparedQuery("find_user_session_with_user", (db) =>
  db
    .select({
      session: userSessions,
      user: { name: users.name, email: users.email, isPlatformAdmin: users.isPlatformAdmin, disabledAt: users.disabledAt },
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .where(eq(userSessions.id, sql.placeholder("id")))
    .limit(1),
);

/** The session row with its user's fields the per-request check needs: one round trip instead of two (every request). */
export async function findUserSessionWithUser(db: Db, id: string) {
  const [row] = await sessionWithUser(db).execute({ id });
  return row ?? null;
}

export async function touchUserSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(userSessions).set({ lastSeenAt: at }).where(eq(userSessions.id, id));
}

export async function revokeUserSession(db: Db, id: string, reason: string, at: Date): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(userSessions.id, id), isNull(userSessions.revokedAt)));
}

export async function revokeUserSessionsOfUser(db: Db, userId: string, reason: string, at: Date): Promise<void> {
  await db
    .update(userSessions)
    .set({ revokedAt: at, revokedReason: reason })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
}

/** Sessions not revoked and not past their absolute expiry, newest first (the account page's list). */
export async function listOpenUserSessions(db: Db, userId: string, now: Date): Promise<UserSessionRow[]> {
  return db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), gt(userSessions.expiresAt, now)))
    .orderBy(desc(userSessions.lastSeenAt));
}
