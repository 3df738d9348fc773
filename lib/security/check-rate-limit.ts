import "server-only";
import type { Db } from "@/db/client";
import { clearRateLimitBucket, hitRateLimitBucket, lockRateLimitBucket } from "@/db/queries/rate-limits";
import { AppError } from "@/lib/errors";

export type RateLimitRule = { name: string; limit: number; windowMs: number; lockoutMs?: number };

export const rateLimitRules = {
  passwordPerAccount: { name: "password:account", limit: 5, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 },
  passwordPerIp: { name: "password:ip", limit: 30, windowMs: 15 * 60_000 },
  totpPerAccount: { name: "totp:account", limit: 5, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 },
} satisfies Record<string, RateLimitRule>;

/**
 * Counts a hit and throws `rate_limited` (429, with retryAfter seconds) once the window's limit is
 * passed. With `lockoutMs`, crossing the limit locks the key for that long even if the window ends.
 */
export async function checkRateLimit(db: Db, rule: RateLimitRule, subject: string, now: Date): Promise<void> {
  const key = `${rule.name}:${subject}`;
  const hit = await hitRateLimitBucket(db, key, now, rule.windowMs);
  if (hit.lockedUntil && hit.lockedUntil > now) throw limited(hit.lockedUntil, now);
  if (hit.count > rule.limit) {
    const until = rule.lockoutMs ? new Date(now.getTime() + rule.lockoutMs) : hit.windowEndsAt;
    if (rule.lockoutMs) await lockRateLimitBucket(db, key, until);
    throw limited(until, now);
  }
}

export async function resetRateLimit(db: Db, rule: RateLimitRule, subject: string): Promise<void> {
  await clearRateLimitBucket(db, `${rule.name}:${subject}`);
}

function limited(until: Date, now: Date): AppError {
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError("rate_limited", "rate limit exceeded", { details: { retryAfter } });
}
