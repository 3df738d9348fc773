import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../client";
import { users } from "../schema";

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

export async function findUserById(db: Db, id: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return row ?? null;
}

export async function insertUser(db: Db, row: typeof users.$inferInsert): Promise<UserRow> {
  const [created] = await db.insert(users).values(row).returning();
  return created!;
}

export async function countUsers(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  return row?.n ?? 0;
}

export async function updateUserTotp(
  db: Db,
  id: string,
  fields: Partial<Pick<UserRow, "totpSecretEncrypted" | "totpEnabledAt" | "totpLastStep" | "totpRecoveryCodeHashes">>,
): Promise<void> {
  await db.update(users).set(fields).where(eq(users.id, id));
}

/** Compare-and-set: records `step` only if it is newer than the last accepted one (no replays). */
export async function claimTotpStep(db: Db, id: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Removes one recovery-code hash if present; true when it was there (each code works once). */
export async function consumeRecoveryCodeHash(db: Db, id: string, hash: string): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpRecoveryCodeHashes: sql`${users.totpRecoveryCodeHashes} - ${hash}::text` })
    .where(and(eq(users.id, id), sql`${users.totpRecoveryCodeHashes} ? ${hash}::text`))
    .returning({ id: users.id });
  return rows.length === 1;
}

/** Names and emails of the given users, for showing a person instead of an id (audit log). */
export async function listUserLabels(db: Db, ids: readonly string[]): Promise<Array<{ id: string; name: string | null; email: string | null }>> {
  if (ids.length === 0) return [];
  return db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, [...ids]));
}
