import type { OrganizationSettings } from "@/db/schema/organizations";

/** Defaults, used when none of the user's clinics sets its own. */
export const sessionPolicy = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
  // lastSeenAt is written at most this often, not on every request.
  touchEveryMs: 60_000,
};

/** What a clinic may set: idle 5 min–4 h, absolute 1–12 h (the Auth.js cookie lives 12 h). */
export const sessionSettingBounds = { idleMinutes: [5, 240], absoluteHours: [1, 12] } as const;

export type SessionPolicy = { idleMs: number; absoluteMs: number };
export type SessionState = { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null };

const clamp = (value: unknown, [min, max]: readonly [number, number]): number | null =>
  typeof value === "number" && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : null;

/**
 * Pure: the policy for a user from the settings of every clinic they belong to. Sessions are per
 * user, not per clinic, so the strictest clinic wins; a clinic that sets nothing uses the defaults.
 */
export function resolveSessionPolicy(clinics: ReadonlyArray<OrganizationSettings | null | undefined>): SessionPolicy {
  let idleMs = clinics.length ? 0 : sessionPolicy.idleMs;
  let absoluteMs = clinics.length ? 0 : sessionPolicy.absoluteMs;
  for (const settings of clinics) {
    const idle = clamp(settings?.sessionIdleMinutes, sessionSettingBounds.idleMinutes);
    const absolute = clamp(settings?.sessionAbsoluteHours, sessionSettingBounds.absoluteHours);
    const clinicIdle = idle === null ? sessionPolicy.idleMs : idle * 60_000;
    const clinicAbsolute = absolute === null ? sessionPolicy.absoluteMs : absolute * 3_600_000;
    idleMs = idleMs === 0 ? clinicIdle : Math.min(idleMs, clinicIdle);
    absoluteMs = absoluteMs === 0 ? clinicAbsolute : Math.min(absoluteMs, clinicAbsolute);
  }
  return { idleMs, absoluteMs };
}

/** Pure: why a session is no longer valid at `now`, or null when it is. */
export function findSessionEndReason(s: SessionState, now: Date, policy: SessionPolicy = sessionPolicy): string | null {
  if (s.revokedAt) return "revoked";
  if (now >= s.expiresAt || now.getTime() - s.createdAt.getTime() >= policy.absoluteMs) return "absolute_timeout";
  if (now.getTime() - s.lastSeenAt.getTime() > policy.idleMs) return "idle_timeout";
  return null;
}
