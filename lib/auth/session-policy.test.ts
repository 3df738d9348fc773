import { describe, expect, it } from "vitest";
import { findSessionEndReason } from "./session-policy";

const t0 = new Date("2026-11-28T08:00:00Z");
const at = (min: number) => new Date(t0.getTime() + min * 60_000);
const base = { createdAt: t0, lastSeenAt: t0, expiresAt: at(12 * 60), revokedAt: null };

describe("findSessionEndReason", () => {
  it.each([
    ["fresh", base, at(1), null],
    ["idle for exactly 30 minutes", base, at(30), null],
    ["idle for 31 minutes", base, at(31), "idle_timeout"],
    ["active but past 12 hours", { ...base, lastSeenAt: at(12 * 60 - 1) }, at(12 * 60), "absolute_timeout"],
    ["revoked", { ...base, revokedAt: at(2) }, at(3), "revoked"],
  ])("%s", (_n, s, now, expected) => {
    expect(findSessionEndReason(s, now)).toBe(expected);
  });
});
