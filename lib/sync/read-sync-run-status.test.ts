import { describe, expect, it } from "vitest";
import { interruptedSyncCode, isSyncRunAbandoned, legacySyncRunMaxMs, readSyncRunStatus, type SyncRunState } from "./read-sync-run-status";

const now = new Date("2026-12-07T12:00:00Z");
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const run = (over: Partial<SyncRunState>): SyncRunState => ({ status: "running", startedAt: at(-10_000), leaseExpiresAt: at(50_000), errorCode: null, errorReason: null, ...over });

describe("isSyncRunAbandoned", () => {
  it.each([
    ["running, lease ahead", run({}), false],
    ["running, lease lapsed a moment ago", run({ leaseExpiresAt: at(-1) }), true],
    ["running, lease ends exactly now", run({ leaseExpiresAt: at(0) }), false],
    ["finished with a lapsed lease", run({ status: "succeeded", leaseExpiresAt: at(-60_000) }), false],
    ["failed with a lapsed lease", run({ status: "failed", leaseExpiresAt: at(-60_000) }), false],
    ["legacy row (no lease), recent", run({ leaseExpiresAt: null, startedAt: at(-legacySyncRunMaxMs + 1_000) }), false],
    ["legacy row (no lease), older than the limit", run({ leaseExpiresAt: null, startedAt: at(-legacySyncRunMaxMs - 1_000) }), true],
  ])("%s → %s", (_name, row, expected) => {
    expect(isSyncRunAbandoned(row, now)).toBe(expected);
  });
});

describe("readSyncRunStatus", () => {
  it("reads an abandoned run as failed and interrupted, keeping its other fields", () => {
    const stale = run({ leaseExpiresAt: at(-5_000) });
    expect(readSyncRunStatus(stale, now)).toEqual({ ...stale, status: "failed", errorCode: interruptedSyncCode, errorReason: expect.stringContaining("stopped before it finished") });
  });
  it("returns a live or finished run as it is", () => {
    const live = run({});
    const done = run({ status: "partial", errorCode: "ehr_rejected", leaseExpiresAt: at(-5_000) });
    expect(readSyncRunStatus(live, now)).toBe(live);
    expect(readSyncRunStatus(done, now)).toBe(done);
  });
});
