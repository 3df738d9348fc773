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
  /** 1 for coded facts; a document's OCR confidence (1 when it had a text layer). */
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

const sourceOrder: Record<EvidenceSource, number> = {
  procedure: 0, diagnostic_report: 1, observation: 2, immunization: 3, condition: 4, document: 5,
};

/** Total order (newest first, then by source and content) so results never depend on input order. */
export function compareEvidence(a: EvidenceItem, b: EvidenceItem): number {
  const byDate = compareStrings(b.date ?? "", a.date ?? "");
  if (byDate !== 0) return byDate;
  const bySource = sourceOrder[a.source] - sourceOrder[b.source];
  if (bySource !== 0) return bySource;
  const cheap = compareStrings(`${a.sourceId}|${a.role}|${a.use}`, `${b.sourceId}|${b.role}|${b.use}`);
  return cheap !== 0 ? cheap : compareStrings(JSON.stringify(a), JSON.stringify(b));
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
