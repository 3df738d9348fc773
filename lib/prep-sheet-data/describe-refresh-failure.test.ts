import { describe, expect, it } from "vitest";
import { describeRefreshFailure, describeSyncFailure } from "./describe-refresh-failure";

const built = new Date("2026-11-28T13:00:00Z");
const failedRun = (startedAt: string, errorCode: string | null, errorReason: string | null) => ({ status: "failed", startedAt: new Date(startedAt), errorCode, errorReason });

describe("describeRefreshFailure", () => {
  it("marks a sheet whose patient's last sync failed after it was built, in plain words", () => {
    const reason = "FHIR search Observation failed: http; HTTP 503; gave up after 7 tries over 118 s (patient's time budget spent)";
    expect(describeRefreshFailure({ sheetGeneratedAt: built, lastSync: failedRun("2026-11-28T14:00:00Z", "ehr_unavailable", reason) })).toEqual({
      since: "2026-11-28T13:00:00.000Z",
      reason: "Epic did not answer (HTTP 503); gave up after 7 tries over 118 s (patient's time budget spent)",
    });
  });

  it.each([
    ["no sync yet", null],
    ["the last sync succeeded", { status: "succeeded", startedAt: new Date("2026-11-28T14:00:00Z"), errorCode: null, errorReason: null }],
    ["the failure came before the sheet (the sheet is newer)", failedRun("2026-11-28T12:00:00Z", "ehr_unavailable", null)],
    ["a sync still running", { status: "running", startedAt: new Date("2026-11-28T14:00:00Z"), errorCode: null, errorReason: null }],
  ])("no mark when %s", (_name, lastSync) => {
    expect(describeRefreshFailure({ sheetGeneratedAt: built, lastSync })).toBeNull();
  });

  it("reads a sync whose process died (lease lapsed) as interrupted, and a live one as still running", () => {
    const running = { status: "running", startedAt: new Date("2026-11-28T14:00:00Z"), errorCode: null, errorReason: null, leaseExpiresAt: new Date("2026-11-28T14:01:00Z") };
    expect(describeRefreshFailure({ sheetGeneratedAt: built, lastSync: running, now: new Date("2026-11-28T14:00:30Z") })).toBeNull();
    expect(describeRefreshFailure({ sheetGeneratedAt: built, lastSync: running, now: new Date("2026-11-28T14:01:01Z") })).toEqual({
      since: "2026-11-28T13:00:00.000Z",
      reason: "the refresh was interrupted (the server doing it stopped); the next run tries again",
    });
  });

  it.each([
    ["reconnect_needed", "Epic connection needs reconnecting (invalid_grant)", "the Epic connection needs reconnecting"],
    ["rate_limited", "FHIR read Patient failed: http; HTTP 429; Epic asked to wait 120 s, longer than a job waits", "Epic asked us to slow down (HTTP 429)"],
    ["internal", "TypeError", "the refresh failed"],
    [null, null, "the refresh failed"],
  ])("code %s → plain words", (code, reason, expected) => {
    expect(describeSyncFailure(code, reason)).toBe(expected);
  });
});
