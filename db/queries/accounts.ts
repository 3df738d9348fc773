import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import { accounts } from "../schema";

export async function findAccount(db: Db, provider: string, providerAccountId: string) {
  const [row] = await db
    .select()
    .from(accounts)
    .where(and(eq(accounts.provider, provider), eq(accounts.providerAccountId, providerAccountId)))
    .limit(1);
  return row ?? null;
}

/** Links a user to an external identity. Tokens are never stored here (see ehr_tokens). */
export async function insertAccount(db: Db, row: { userId: string; provider: string; providerAccountId: string }) {
  await db.insert(accounts).values({ ...row, type: "oauth" });
}
