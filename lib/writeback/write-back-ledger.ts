import type { DomainDocumentReference } from "@/lib/fhir/to-domain/types";
import { prepSheetIdentifierSystem } from "./build-document-reference";

/**
 * The write-back ledger row as a state machine. Epic has no conditional create and replays file a
 * second note (epic-smart-facts §2.7), so a create whose answer was lost is `unknown` and can only be
 * resolved by searching Epic for our identifier: found → reconciled, proven absent → pending again.
 *
 *   pending → sent → confirmed(epicId)
 *                  → unknown → reconciled(epicId) | pending (search found nothing) | failed
 *                  → failed (Epic rejected it)
 */
export const writeBackStates = ["pending", "sent", "confirmed", "unknown", "reconciled", "failed"] as const;
export type WriteBackState = (typeof writeBackStates)[number];

export const writeBackTransitions: Record<WriteBackState, readonly WriteBackState[]> = {
  pending: ["sent", "failed"],
  sent: ["confirmed", "unknown", "failed"],
  unknown: ["reconciled", "pending", "failed"],
  confirmed: [],
  reconciled: [],
  failed: [],
};

export function isTerminalWriteBackState(state: WriteBackState): boolean {
  return writeBackTransitions[state].length === 0;
}

export function canTransition(from: WriteBackState, to: WriteBackState): boolean {
  return writeBackTransitions[from].includes(to);
}

export type WriteBackEntry = {
  prepSheetId: string;
  state: WriteBackState;
  /** Creates actually sent; incremented on every send_started. */
  attempts: number;
  epicId: string | null;
  sentAt: string | null;
  lastError: string | null;
  updatedAt: string;
};

export type WriteBackEvent =
  | { type: "send_started"; at: string }
  | { type: "created"; epicId: string; at: string }
  | { type: "rejected"; reason: string; at: string }
  | { type: "outcome_lost"; reason: string; at: string }
  | { type: "found_in_epic"; epicId: string; at: string }
  | { type: "absent_in_epic"; at: string }
  | { type: "abandoned"; reason: string; at: string };

/**
 * Events each state accepts. Stricter than the state graph: a `sent` row cannot be abandoned (the note
 * may have landed; it must go through unknown and a search), and only a live request can be rejected.
 */
export const writeBackEventsByState: Record<WriteBackState, readonly WriteBackEvent["type"][]> = {
  pending: ["send_started", "rejected", "abandoned"],
  sent: ["created", "rejected", "outcome_lost"],
  unknown: ["found_in_epic", "absent_in_epic", "abandoned"],
  confirmed: [],
  reconciled: [],
  failed: [],
};

const targetOf: Record<WriteBackEvent["type"], WriteBackState> = {
  send_started: "sent", created: "confirmed", rejected: "failed", outcome_lost: "unknown",
  found_in_epic: "reconciled", absent_in_epic: "pending", abandoned: "failed",
};

export function createWriteBackEntry(prepSheetId: string, at: string): WriteBackEntry {
  return { prepSheetId, state: "pending", attempts: 0, epicId: null, sentAt: null, lastError: null, updatedAt: at };
}

/** Applies an event, or refuses it: an illegal transition is reported, never silently applied. */
export function applyWriteBackEvent(
  entry: WriteBackEntry,
  event: WriteBackEvent,
): { ok: true; entry: WriteBackEntry } | { ok: false; reason: string } {
  const to = targetOf[event.type];
  if (!writeBackEventsByState[entry.state].includes(event.type) || !canTransition(entry.state, to)) return { ok: false, reason: `${event.type} is not allowed in state ${entry.state}` };
  const next: WriteBackEntry = { ...entry, state: to, updatedAt: event.at };
  switch (event.type) {
    case "send_started":
      return { ok: true, entry: { ...next, attempts: entry.attempts + 1, sentAt: event.at, lastError: null } };
    case "created":
    case "found_in_epic":
      return { ok: true, entry: { ...next, epicId: event.epicId } };
    case "rejected":
    case "outcome_lost":
    case "abandoned":
      return { ok: true, entry: { ...next, lastError: event.reason } };
    case "absent_in_epic":
      return { ok: true, entry: next };
  }
}

export type WriteBackSearchResult = {
  searchedAt: string;
  documents: readonly Pick<DomainDocumentReference, "ehrId" | "identifiers" | "date">[];
};

export type WriteBackStep =
  | { action: "none" }
  | { action: "send" }
  | { action: "mark_unknown" }
  | { action: "search"; identifier: { system: string; value: string } }
  | { action: "reconcile"; epicId: string; duplicateEpicIds: string[] }
  | { action: "wait"; until: string }
  | { action: "retry" }
  | { action: "give_up"; reason: string };

export type WriteBackPolicy = { maxAttempts: number; settleMs: number };
export const defaultWriteBackPolicy: WriteBackPolicy = { maxAttempts: 3, settleMs: 30_000 };

/**
 * What to do next with a ledger row. The only way from an uncertain create to a new create is a
 * search for our identifier that comes back empty, made long enough after the send for Epic to have
 * indexed the note: never a blind re-send.
 */
export function decideNextWriteBackStep(
  entry: WriteBackEntry,
  searchResult?: WriteBackSearchResult,
  policy: WriteBackPolicy = defaultWriteBackPolicy,
): WriteBackStep {
  if (isTerminalWriteBackState(entry.state)) return { action: "none" };
  if (entry.state === "pending") {
    return entry.attempts >= policy.maxAttempts ? { action: "give_up", reason: "max_attempts" } : { action: "send" };
  }
  // A `sent` row seen by anyone but the sender means that worker died mid-request: outcome unknown.
  if (entry.state === "sent") return { action: "mark_unknown" };
  const identifier = { system: prepSheetIdentifierSystem, value: entry.prepSheetId };
  if (!searchResult) return { action: "search", identifier };
  // Epic ignores search parameters it does not support, so check the identifier on every hit.
  const matches = searchResult.documents
    .filter((d) => d.identifiers.some((i) => i.system === identifier.system && i.value === identifier.value))
    .map((d) => d.ehrId)
    .sort();
  const [first, ...rest] = matches;
  if (first !== undefined) return { action: "reconcile", epicId: first, duplicateEpicIds: rest };
  const settledAt = Date.parse(entry.sentAt ?? "") + policy.settleMs;
  if (!(Date.parse(searchResult.searchedAt) >= settledAt)) {
    return Number.isNaN(settledAt) ? { action: "give_up", reason: "sent_at_missing" } : { action: "wait", until: new Date(settledAt).toISOString() };
  }
  return entry.attempts >= policy.maxAttempts ? { action: "give_up", reason: "max_attempts" } : { action: "retry" };
}
