import { sql } from "drizzle-orm";
import type { Db } from "../client";
import { rateLimitBuckets } from "../schema";

/**
 * Atomically counts one hit in a fixed window (upsert), so concurrent instances share the count.
 * Returns the count after this hit and when the window ends.
 */
export async function hitRateLimitBucket(
  db: Db,
  key: string,
  now: Date,
  windowMs: number,
): Promise<{ count: number; windowEndsAt: Date; lockedUntil: Date | null }> {
  const windowEnds = new Date(now.getTime() + windowMs);
  const [row] = await db
    .insert(rateLimitBuckets)
    .values({ key, count: 1, windowEndsAt: windowEnds })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        count: sql`case when ${rateLimitBuckets.windowEndsAt} <= ${now.toISOString()}::timestamptz then 1 else ${rateLimitBuckets.count} + 1 end`,
        windowEndsAt: sql`case when ${rateLimitBuckets.windowEndsAt} <= ${now.toISOString()}::timestamptz then ${windowEnds.toISOString()}::timestamptz else ${rateLimitBuckets.windowEndsAt} end`,
      },
    })
    .returning();
  return { count: row!.count, windowEndsAt: row!.windowEndsAt, lockedUntil: row!.lockedUntil };
}

export async function lockRateLimitBucket(db: Db, key: string, until: Date): Promise<void> {
  await db.update(rateLimitBuckets).set({ lockedUntil: until }).where(sql`${rateLimitBuckets.key} = ${key}`);
}

export async function clearRateLimitBucket(db: Db, key: string): Promise<void> {
  await db.delete(rateLimitBuckets).where(sql`${rateLimitBuckets.key} = ${key}`);
}
