import "server-only";
import type { Db } from "@/db/client";
import { clearRateLimitBucket, hitRateLimitBucket, lockRateLimitBucket } from "@/db/queries/rate-limits";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** `perClinic` names what is counted ("prep sheet requests") for the refusal message a clinic user sees. */
export type RateLimitRule = { name: string; limit: number; windowMs: number; lockoutMs?: number; perClinic?: string };

/** Every limit of the app, in one place. Clinic limits are keyed by organization id and hold across instances. */
export const rateLimitRules = {
  passwordPerAccount: { name: "password:account", limit: 5, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 },
  passwordPerIp: { name: "password:ip", limit: env.SIGN_IN_ATTEMPTS_PER_IP, windowMs: 15 * 60_000 },
  totpPerAccount: { name: "totp:account", limit: 5, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 },
  // Each request fans out to Epic reads (a "Prepare all" is one request for the whole day).
  prepGenerationPerClinic: { name: "prep_generation:clinic", limit: 10, windowMs: 60_000, perClinic: "prep sheet requests" },
  // Each request may create a note in Epic; the ledger's per-patient daily cap still applies.
  writeBackPerClinic: { name: "write_back:clinic", limit: 30, windowMs: 60_000, perClinic: "sends to Epic" },
} satisfies Record<string, RateLimitRule>;

/**
 * Counts a hit and throws `rate_limited` (429, with retryAfter seconds) once the window's limit is
 * passed. With `lockoutMs`, crossing the limit locks the key for that long even if the window ends.
 */
export async function checkRateLimit(db: Db, rule: RateLimitRule, subject: string, now: Date): Promise<void> {
  const key = `${rule.name}:${subject}`;
  const hit = await hitRateLimitBucket(db, key, now, rule.windowMs);
  if (hit.lockedUntil && hit.lockedUntil > now) throw limited(hit.lockedUntil, now, rule);
  if (hit.count > rule.limit) {
    const until = rule.lockoutMs ? new Date(now.getTime() + rule.lockoutMs) : hit.windowEndsAt;
    if (rule.lockoutMs) await lockRateLimitBucket(db, key, until);
    throw limited(until, now, rule);
  }
}

export async function resetRateLimit(db: Db, rule: RateLimitRule, subject: string): Promise<void> {
  await clearRateLimitBucket(db, `${rule.name}:${subject}`);
}

/** A clinic-wide limit on one organization (prep generation, write-back), counted at the use-case's entry. */
export async function checkClinicRateLimit(
  db: Db,
  rule: RateLimitRule & { perClinic: string },
  organizationId: string,
  now = new Date(),
): Promise<void> {
  await checkRateLimit(db, rule, organizationId, now);
}

function limited(until: Date, now: Date, rule: RateLimitRule): AppError {
  const retryAfter = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  const publicMessage = rule.perClinic
    ? `This clinic has reached its limit of ${rule.limit} ${rule.perClinic} per ${formatWindow(rule.windowMs)}. Try again in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.`
    : undefined;
  return new AppError("rate_limited", `rate limit ${rule.name} exceeded`, { details: { retryAfter }, ...(publicMessage ? { publicMessage } : {}) });
}

function formatWindow(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes <= 1 ? "minute" : `${minutes} minutes`;
}
