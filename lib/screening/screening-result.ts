import type { CodeMatch } from "./code-set";
import type { MatchContext } from "./detect-context";

export const screeningStatuses = [
  "complete", "due_soon", "due", "overdue", "not_eligible", "excluded", "needs_review",
] as const;
export type ScreeningStatus = (typeof screeningStatuses)[number];

export type EvidenceSource = "procedure" | "observation" | "diagnostic_report" | "immunization" | "condition" | "document";

/**
 * One fact the engine looked at, and what it made of it. `counted` items set lastCompleted (or the
 * trigger/exclusion); `review` items could change the answer but need a person (undated, low OCR
 * confidence, a past mention); `ignored` items are kept so the reasons can say "declined" or "order only".
 */
export type EvidenceItem = {
  source: EvidenceSource;
  sourceId: string;
  role: "completion" | "trigger" | "exclusion";
  date: string | null;
  datePrecision: "day" | "month" | "year" | null;
  code: CodeMatch | null;
  term: string | null;
  snippet: string | null;
  context: MatchContext | null;
  /** 1 for coded facts; for a document, the OCR confidence it was judged by (find-ocr-reading: its page; 1 for a text layer). */
  confidence: number;
  matchedBy: "code" | "keyword" | "text";
  use: "counted" | "review" | "ignored";
  note: string | null;
};

export type ScreeningResult = {
  screeningTypeKey: string;
  screeningTypeVersion: number;
  name: string;
  family: { id: string; rank: number } | null;
  status: ScreeningStatus;
  /** What the status would be if every review item were set aside; equals status when none apply. */
  provisionalStatus: ScreeningStatus;
  lastCompleted: string | null;
  nextDue: string | null;
  dueSoonFrom: string | null;
  overdueFrom: string | null;
  evidence: EvidenceItem[];
  /** Plain sentences for clinicians, built only from the facts and the type definition. */
  reasons: string[];
};

export type SelectedScreeningResult = ScreeningResult & {
  /** standalone: no family; primary: the family's chosen variant; superseded: kept for history. */
  selection: "standalone" | "primary" | "superseded";
  supersededBy: string | null;
};

/** How reasons name a source: `source.replace("_", " ")`, looked up rather than rebuilt per reason. */
export const sourceLabels: Record<EvidenceSource, string> = {
  procedure: "procedure", observation: "observation", diagnostic_report: "diagnostic report", immunization: "immunization",
  condition: "condition", document: "document",
};

const sourceOrder: Record<EvidenceSource, number> = {
  procedure: 0, diagnostic_report: 1, observation: 2, immunization: 3, condition: 4, document: 5,
};

/** Total order (newest first, then by source and content) so results never depend on input order. */
export function compareEvidence(a: EvidenceItem, b: EvidenceItem): number {
  const byDate = compareStrings(b.date ?? "", a.date ?? "");
  if (byDate !== 0) return byDate;
  const bySource = sourceOrder[a.source] - sourceOrder[b.source];
  if (bySource !== 0) return bySource;
  const cheap = compareIdentity(a, b);
  return cheap !== 0 ? cheap : compareStrings(JSON.stringify(a), JSON.stringify(b));
}

/**
 * Sorts in place by compareEvidence, as items.sort(compareEvidence) would: a plain insertion sort
 * for the short lists one type produces (calling a comparator from the built-in sort costs more
 * than the comparisons themselves), the built-in sort beyond that. Both are stable.
 */
export function sortEvidence(items: EvidenceItem[]): EvidenceItem[] {
  if (items.length > 16) return items.sort(compareEvidence);
  for (let i = 1; i < items.length; i++) {
    const item = items[i] as EvidenceItem;
    let j = i - 1;
    while (j >= 0 && compareEvidence(items[j] as EvidenceItem, item) > 0) {
      items[j + 1] = items[j] as EvidenceItem;
      j--;
    }
    items[j + 1] = item;
  }
  return items;
}

const identityOf = (item: EvidenceItem) => `${item.sourceId}|${item.role}|${item.use}`;

/**
 * compareStrings(identityOf(a), identityOf(b)) without building the strings on every comparison (sorts
 * call this millions of times). Field by field agrees with the joined form unless one field is a
 * proper prefix of the other, where the "|" separator decides; that rare case uses the joined form.
 */
function compareIdentity(a: EvidenceItem, b: EvidenceItem): number {
  const byId = compareFields(a.sourceId, b.sourceId);
  if (byId !== 0) return Number.isNaN(byId) ? compareStrings(identityOf(a), identityOf(b)) : byId;
  const byRole = compareFields(a.role, b.role);
  if (byRole !== 0) return Number.isNaN(byRole) ? compareStrings(identityOf(a), identityOf(b)) : byRole;
  return compareStrings(a.use, b.use);
}

/** compareStrings, or NaN when one string is a proper prefix of the other. */
function compareFields(a: string, b: string): number {
  if (a === b) return 0;
  if (a.startsWith(b) || b.startsWith(a)) return Number.NaN;
  return a < b ? -1 : 1;
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
