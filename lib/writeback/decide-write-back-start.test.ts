import { describe, expect, it } from "vitest";
import { decideWriteBackStart, type WriteBackStartInput } from "./decide-write-back-start";

const base: WriteBackStartInput = { contentHash: "h2", lastConfirmed: { contentHash: "h1", epicId: "eDR1" }, hasUnsettledWrite: false, writesToday: 0, dryRun: false };

describe("decideWriteBackStart", () => {
  it.each([
    { name: "changed content replaces the last note", input: {}, expected: { action: "create", replacesEpicId: "eDR1" } },
    { name: "first write", input: { lastConfirmed: null }, expected: { action: "create", replacesEpicId: null } },
    { name: "unchanged content writes nothing", input: { contentHash: "h1" }, expected: { action: "skip", reason: "unchanged" } },
    { name: "an unsettled write blocks a second create", input: { hasUnsettledWrite: true, contentHash: "h1" }, expected: { action: "skip", reason: "unsettled_write" } },
    { name: "a sheet Epic holds already, or has a newer version of, is not filed again", input: { supersededInEpic: true }, expected: { action: "skip", reason: "superseded" } },
    { name: "superseded still reports unchanged first", input: { supersededInEpic: true, contentHash: "h1" }, expected: { action: "skip", reason: "unchanged" } },
    { name: "superseded wins over the cap", input: { supersededInEpic: true, writesToday: 10 }, expected: { action: "skip", reason: "superseded" } },
    { name: "daily cap of 10 by default", input: { writesToday: 10 }, expected: { action: "skip", reason: "daily_cap" } },
    { name: "below the cap", input: { writesToday: 9 }, expected: { action: "create", replacesEpicId: "eDR1" } },
    { name: "clinic cap", input: { writesToday: 2, dailyCap: 2 }, expected: { action: "skip", reason: "daily_cap" } },
    { name: "dry run", input: { dryRun: true }, expected: { action: "dry_run", replacesEpicId: "eDR1" } },
    { name: "dry run still skips unchanged", input: { dryRun: true, contentHash: "h1" }, expected: { action: "skip", reason: "unchanged" } },
  ])("$name", ({ input, expected }) => {
    expect(decideWriteBackStart({ ...base, ...input })).toEqual(expected);
  });
});
