import { describe, expect, it } from "vitest";
import { findSessionEndReason, resolveSessionPolicy } from "./session-policy";

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

  it("applies a clinic's shorter idle and absolute limits", () => {
    const policy = resolveSessionPolicy([{ sessionIdleMinutes: 10, sessionAbsoluteHours: 2 }]);
    expect(findSessionEndReason(base, at(10), policy)).toBeNull();
    expect(findSessionEndReason(base, at(11), policy)).toBe("idle_timeout");
    expect(findSessionEndReason({ ...base, lastSeenAt: at(119) }, at(120), policy)).toBe("absolute_timeout");
  });
});

describe("resolveSessionPolicy", () => {
  const min = 60_000;
  const hour = 60 * min;
  it.each([
    ["no clinic: defaults", [], { idleMs: 30 * min, absoluteMs: 12 * hour }],
    ["clinic without settings: defaults", [{}], { idleMs: 30 * min, absoluteMs: 12 * hour }],
    ["clinic settings", [{ sessionIdleMinutes: 15, sessionAbsoluteHours: 8 }], { idleMs: 15 * min, absoluteMs: 8 * hour }],
    ["a longer idle is allowed", [{ sessionIdleMinutes: 60 }], { idleMs: 60 * min, absoluteMs: 12 * hour }],
    ["strictest of two clinics", [{ sessionIdleMinutes: 60, sessionAbsoluteHours: 4 }, { sessionIdleMinutes: 20 }], { idleMs: 20 * min, absoluteMs: 4 * hour }],
    ["a default clinic caps a lenient one", [{ sessionIdleMinutes: 120 }, {}], { idleMs: 30 * min, absoluteMs: 12 * hour }],
    ["out-of-range values are clamped", [{ sessionIdleMinutes: 1, sessionAbsoluteHours: 99 }], { idleMs: 5 * min, absoluteMs: 12 * hour }],
    ["non-numbers are ignored", [{ sessionIdleMinutes: "5" as never, sessionAbsoluteHours: Number.NaN }], { idleMs: 30 * min, absoluteMs: 12 * hour }],
  ])("%s", (_n, clinics, expected) => {
    expect(resolveSessionPolicy(clinics)).toEqual(expected);
  });
});
