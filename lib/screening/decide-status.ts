import { formatDay, type DayNumber } from "./calendar-date";
import { noRecordFound } from "./describe-last-done";
import { factDay } from "./fact-helpers";
import { addFrequency, describeFrequency, type Frequency } from "./frequency";
import { sourceLabels, type EvidenceItem, type ScreeningResult, type ScreeningStatus } from "./screening-result";

/** The part of a screening result the status decides: the status, its dates and the reasons for them. */
export type StatusDecision = Pick<ScreeningResult, "status" | "provisionalStatus" | "lastCompleted" | "nextDue" | "dueSoonFrom" | "overdueFrom" | "reasons">;

const noRecordReason = `${noRecordFound}.`;

type Timing = { dueSoonDays: number; overdueAfterDays: number };

function statusFrom(last: DayNumber, frequency: Frequency, timing: Timing, asOf: DayNumber): ScreeningStatus {
  if (frequency.kind === "once") return "complete";
  return statusBefore(addFrequency(last, frequency), timing, asOf);
}

function statusBefore(nextDue: DayNumber, timing: Timing, asOf: DayNumber): ScreeningStatus {
  if (asOf < nextDue - timing.dueSoonDays) return "complete";
  if (asOf < nextDue) return "due_soon";
  return asOf < nextDue + timing.overdueAfterDays ? "due" : "overdue";
}

function describe(item: EvidenceItem): string {
  const what = item.code ? `${item.code.system} ${item.code.code}` : `"${item.term ?? ""}"`;
  return `${sourceLabels[item.source]} ${item.sourceId} (${what})`;
}

// Types are immutable parsed data, so a frequency's wording is worked out once (it formats numbers).
const frequencyWords = new WeakMap<Frequency, string>();

function wordsFor(frequency: Frequency): string {
  let words = frequencyWords.get(frequency);
  if (words === undefined) {
    words = describeFrequency(frequency);
    frequencyWords.set(frequency, words);
  }
  return words;
}

/**
 * Status from completion evidence (sorted; `counted` items date it, `review` items may question it,
 * `ignored` ones are not read). Windows: complete until nextDue − dueSoonDays, due soon until
 * nextDue, due until nextDue + overdueAfterDays, then overdue. Never done: due, "No record found",
 * and no dates — a next-due date made up from the day the patient became eligible read as a
 * defect ("Overdue · Next due 1973-02-21"); overdue needs a completed screening that has lapsed.
 * Review items turn a non-complete answer into needs_review only if they could change it.
 * The reasons are appended to `reasons` when given (the result's own list), else to a new list.
 */
export function decideStatus(input: {
  evidence: readonly EvidenceItem[];
  frequency: Frequency;
  timing: Timing;
  asOf: DayNumber;
  reasons?: string[];
}): StatusDecision {
  const { evidence, frequency, timing, asOf } = input;
  const reasons = input.reasons ?? [];
  // The first of the latest-dated counted items (evidence is sorted), as a reduce would pick it.
  let latestItem: EvidenceItem | null = null;
  let last: DayNumber | null = null;
  let reviewItems = 0;
  for (const item of evidence) {
    if (item.use !== "counted") {
      if (item.use === "review") reviewItems++;
      continue;
    }
    const day = factDay(item.date);
    if (day !== null && (last === null || day > last)) {
      latestItem = item;
      last = day;
    }
  }

  let provisional: ScreeningStatus;
  let nextDue: DayNumber | null = null;
  let overdueFrom: DayNumber | null = null;
  let dueSoonFrom: DayNumber | null = null;
  if (last !== null && latestItem) {
    // The next due date once, for the status and the reasons alike.
    if (frequency.kind === "interval") nextDue = addFrequency(last, frequency);
    provisional = nextDue === null ? "complete" : statusBefore(nextDue, timing, asOf);
    reasons.push(`Last completed ${formatDay(last)} per ${describe(latestItem)}; repeats ${wordsFor(frequency)}.`);
    if (nextDue !== null) {
      dueSoonFrom = nextDue - timing.dueSoonDays;
      overdueFrom = nextDue + timing.overdueAfterDays;
      reasons.push(`Next due ${formatDay(nextDue)}; due soon from ${formatDay(dueSoonFrom)}; overdue from ${formatDay(overdueFrom)}.`);
    }
  } else {
    provisional = "due";
    reasons.push(noRecordReason);
  }

  // A review item matters only if accepting it would change the answer.
  let relevant = 0;
  if (provisional !== "complete" && reviewItems > 0) {
    for (const item of evidence) {
      if (item.use !== "review") continue;
      const day = factDay(item.date);
      if (day !== null && ((last !== null && day <= last) || statusFrom(day, frequency, timing, asOf) === provisional)) continue;
      reasons.push(`Needs review: ${describe(item)}: ${item.note ?? "unconfirmed"}.`);
      relevant++;
    }
  }
  return {
    status: relevant > 0 ? "needs_review" : provisional,
    provisionalStatus: provisional,
    lastCompleted: fmt(last),
    nextDue: fmt(nextDue),
    dueSoonFrom: fmt(dueSoonFrom),
    overdueFrom: fmt(overdueFrom),
    reasons,
  };
}

function fmt(day: DayNumber | null): string | null {
  return day === null ? null : formatDay(day);
}
