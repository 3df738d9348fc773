import { describe, expect, it } from "vitest";
import { backoffDelay, isRetriableStatus, nextRetryDelay, parseRetryAfter } from "./retry-policy";

const now = Date.parse("2026-11-28T12:00:00Z");

describe("retry policy", () => {
  it.each([
    ["5", 5000],
    [" 0 ", 0],
    ["Sat, 28 Nov 2026 12:00:30 GMT", 30_000],
    ["Sat, 28 Nov 2026 11:00:00 GMT", 0],
    ["1.5", undefined],
    ["-3", undefined],
    ["soon", undefined],
    ["", undefined],
    [null, undefined],
  ])("parseRetryAfter(%j) → %s", (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });

  it.each([
    [0, 0.5, 250],
    [1, 0.5, 500],
    [3, 0.5, 2000],
    [10, 0.5, 4000],
    [2, 0, 0],
    [2, 7, 2000],
  ])("backoffDelay(attempt %i, random %s) → %i", (attempt, r, expected) => {
    expect(backoffDelay(attempt, { baseDelayMs: 500, maxDelayMs: 8000, random: () => r })).toBe(expected);
  });

  it("prefers Retry-After and refuses waits beyond the limit", () => {
    const options = { baseDelayMs: 500, maxDelayMs: 8000, maxRetryAfterMs: 60_000, random: () => 0.5 };
    expect(nextRetryDelay(0, 12_000, options)).toBe(12_000);
    expect(nextRetryDelay(0, 61_000, options)).toBeUndefined();
    expect(nextRetryDelay(0, undefined, options)).toBe(250);
  });

  it.each([[429, true], [503, true], [502, true], [504, true], [500, false], [400, false], [401, false], [404, false]])(
    "isRetriableStatus(%i) → %s",
    (status, expected) => {
      expect(isRetriableStatus(status)).toBe(expected);
    },
  );
});
