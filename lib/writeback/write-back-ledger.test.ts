import { describe, expect, it } from "vitest";
import {
  applyWriteBackEvent, canTransition, createWriteBackEntry, decideNextWriteBackStep, writeBackStates,
  type WriteBackEntry, type WriteBackEvent, type WriteBackState,
} from "./write-back-ledger";

const at = "2026-03-03T12:00:00.000Z";
const entryIn = (state: WriteBackState, overrides: Partial<WriteBackEntry> = {}): WriteBackEntry => ({
  ...createWriteBackEntry("prep-1", at), state, attempts: state === "pending" ? 0 : 1, sentAt: state === "pending" ? null : at, ...overrides,
});
const events: Record<WriteBackEvent["type"], WriteBackEvent> = {
  send_started: { type: "send_started", at },
  created: { type: "created", epicId: "eDR1", at },
  rejected: { type: "rejected", reason: "http_422", at },
  outcome_lost: { type: "outcome_lost", reason: "socket_closed", at },
  found_in_epic: { type: "found_in_epic", epicId: "eDR1", at },
  absent_in_epic: { type: "absent_in_epic", at },
  abandoned: { type: "abandoned", reason: "max_attempts", at },
};

// Every (state, event) pair: the allowed ones and the resulting state; everything else is refused.
const allowed: Record<WriteBackState, Partial<Record<WriteBackEvent["type"], WriteBackState>>> = {
  pending: { send_started: "sent", rejected: "failed", abandoned: "failed" },
  sent: { created: "confirmed", rejected: "failed", outcome_lost: "unknown" },
  unknown: { found_in_epic: "reconciled", absent_in_epic: "pending", abandoned: "failed" },
  confirmed: {}, reconciled: {}, failed: {},
};
const cases = writeBackStates.flatMap((state) =>
  Object.keys(events).map((type) => ({ state, type: type as WriteBackEvent["type"], to: allowed[state][type as WriteBackEvent["type"]] ?? null })));

describe("write-back ledger transitions", () => {
  it.each(cases)("$state + $type → $to", ({ state, type, to }) => {
    const result = applyWriteBackEvent(entryIn(state), events[type]);
    if (to === null) expect(result).toEqual({ ok: false, reason: `${type} is not allowed in state ${state}` });
    else expect(result.ok && result.entry.state).toBe(to);
  });

  it("records attempts, ids and errors", () => {
    const sent = applyWriteBackEvent(createWriteBackEntry("prep-1", at), { type: "send_started", at: "2026-03-03T12:00:05Z" });
    expect(sent).toMatchObject({ ok: true, entry: { state: "sent", attempts: 1, sentAt: "2026-03-03T12:00:05Z" } });
    const lost = sent.ok ? applyWriteBackEvent(sent.entry, events.outcome_lost) : sent;
    expect(lost).toMatchObject({ ok: true, entry: { state: "unknown", lastError: "socket_closed", epicId: null } });
    const found = lost.ok ? applyWriteBackEvent(lost.entry, events.found_in_epic) : lost;
    expect(found).toMatchObject({ ok: true, entry: { state: "reconciled", epicId: "eDR1", attempts: 1 } });
    expect(canTransition("sent", "pending")).toBe(false); // a lost create can never go straight back to sending
  });
});

describe("decideNextWriteBackStep", () => {
  const mine = { ehrId: "eDR9", date: null, identifiers: [{ system: "urn:healthprep:prep-sheet", value: "prep-1" }] };
  const other = { ehrId: "eDR2", date: null, identifiers: [{ system: "urn:healthprep:prep-sheet", value: "prep-0" }] };
  const search = (searchedAt: string, documents = [other]) => ({ searchedAt, documents });

  it.each([
    { name: "terminal rows: nothing", entry: entryIn("confirmed"), search: undefined, step: { action: "none" } },
    { name: "failed rows: nothing", entry: entryIn("failed"), search: undefined, step: { action: "none" } },
    { name: "pending: send", entry: entryIn("pending"), search: undefined, step: { action: "send" } },
    { name: "pending after 3 attempts: give up", entry: entryIn("pending", { attempts: 3 }), search: undefined, step: { action: "give_up", reason: "max_attempts" } },
    { name: "sent seen by another worker: unknown", entry: entryIn("sent"), search: undefined, step: { action: "mark_unknown" } },
    { name: "unknown without search: search first", entry: entryIn("unknown"), search: undefined, step: { action: "search", identifier: { system: "urn:healthprep:prep-sheet", value: "prep-1" } } },
    { name: "unknown, found: reconcile", entry: entryIn("unknown"), search: search("2026-03-03T12:05:00Z", [other, mine]), step: { action: "reconcile", epicId: "eDR9", duplicateEpicIds: [] } },
    { name: "unknown, found twice: reconcile and report", entry: entryIn("unknown"), search: search("2026-03-03T12:05:00Z", [{ ...mine, ehrId: "eDRb" }, { ...mine, ehrId: "eDRa" }]), step: { action: "reconcile", epicId: "eDRa", duplicateEpicIds: ["eDRb"] } },
    { name: "unknown, Epic ignored the identifier filter: not ours", entry: entryIn("unknown"), search: search("2026-03-03T12:05:00Z", [other]), step: { action: "retry" } },
    { name: "unknown, absent but searched too soon: wait", entry: entryIn("unknown"), search: search("2026-03-03T12:00:10Z", []), step: { action: "wait", until: "2026-03-03T12:00:30.000Z" } },
    { name: "unknown, absent and out of attempts: give up", entry: entryIn("unknown", { attempts: 3 }), search: search("2026-03-03T13:00:00Z", []), step: { action: "give_up", reason: "max_attempts" } },
    { name: "unknown with no send time: give up, never guess", entry: entryIn("unknown", { sentAt: null }), search: search("2026-03-03T13:00:00Z", []), step: { action: "give_up", reason: "sent_at_missing" } },
  ])("$name", ({ entry, search: result, step }) => {
    expect(decideNextWriteBackStep(entry, result)).toEqual(step);
  });

  it("reaches a terminal state from a lost create without ever sending blind", () => {
    // Simulate: the first create is lost, search proves it absent, the second create lands.
    let entry = createWriteBackEntry("prep-1", at);
    const sends: string[] = [];
    const epic: typeof mine[] = [];
    for (let clock = 0, guard = 0; decideNextWriteBackStep(entry).action !== "none" && guard < 20; guard++, clock += 60_000) {
      const now = new Date(Date.parse(at) + clock).toISOString();
      const step = decideNextWriteBackStep(entry, entry.state === "unknown" ? { searchedAt: now, documents: epic } : undefined);
      const apply = (event: WriteBackEvent) => {
        const next = applyWriteBackEvent(entry, event);
        if (!next.ok) throw new Error(next.reason);
        entry = next.entry;
      };
      if (step.action === "send") {
        sends.push(now);
        apply({ type: "send_started", at: now });
        if (sends.length === 1) apply({ type: "outcome_lost", reason: "timeout", at: now });
        else { epic.push({ ...mine, ehrId: "eDR-final" }); apply({ type: "created", epicId: "eDR-final", at: now }); }
      } else if (step.action === "retry") apply({ type: "absent_in_epic", at: now });
      else if (step.action === "reconcile") apply({ type: "found_in_epic", epicId: step.epicId, at: now });
      else if (step.action === "give_up") apply({ type: "abandoned", reason: step.reason, at: now });
    }
    expect(entry).toMatchObject({ state: "confirmed", epicId: "eDR-final", attempts: 2 });
    expect(epic).toHaveLength(1);
  });
});
