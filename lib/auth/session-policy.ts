/** Defaults; issue "Security" makes them configurable per clinic. */
export const sessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  // lastSeenAt is written at most this often, not on every request.
  touchEveryMs: 60_000,
};

export type SessionState = { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };

/** Pure: why a session is no longer valid at `now`, or null when it is. */
export function findSessionEndReason(s: SessionState, now: Date, idleMs = sessionPolicy.idleMs): string | null {
  if (s.revokedAt) return "revoked";
  if (now >= s.expiresAt) return "absolute_timeout";
  if (now.getTime() - s.lastSeenAt.getTime() > idleMs) return "idle_timeout";
  return null;
}
