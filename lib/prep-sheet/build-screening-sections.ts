import { findOcrReadingNote, type EvidenceItem, type EvidenceSource, type ScreeningStatus, type SelectedScreeningResult } from "@/lib/screening";
import { screeningUrgencyRank } from "@/lib/screening/screening-urgency";
import type { EvidenceModel, ImmunizationDueRow, MeasureRow, ScreeningRow } from "./prep-sheet-model";
import type { MeasureSetting, PrepSheetSettings } from "./prep-sheet-settings";
import { compareFolded, compareText, compareTextDesc, sortRows } from "./sort-rows";

export const statusLabels: Record<ScreeningStatus, string> = {
  overdue: "Overdue", due: "Due", due_soon: "Due soon", needs_review: "Needs review",
  complete: "Complete", excluded: "Excluded", not_eligible: "Not eligible",
};
const sourceLabels: Record<EvidenceSource, string> = {
  procedure: "Procedure", observation: "Result", diagnostic_report: "Report",
  immunization: "Immunization", condition: "Condition", document: "Document",
};

function matchesKey(result: SelectedScreeningResult, key: string): boolean {
  return result.screeningTypeKey === key || result.family?.id === key;
}

function describeEvidence(item: EvidenceItem): EvidenceModel {
  const label = item.term ?? item.code?.display ?? (item.code ? `${item.code.system} ${item.code.code}` : null);
  // A poorly read page is the one review reason short and plain enough for paper; the others quote text.
  const check = item.use === "review" ? findOcrReadingNote(item.note) : null;
  return {
    source: sourceLabels[item.source] ?? item.source,
    sourceId: item.sourceId,
    date: item.date,
    label: label ?? sourceLabels[item.source] ?? item.source,
    needsReview: item.use === "review",
    role: item.role,
    ...(check ? { check } : {}),
  };
}

function buildScreeningRow(result: SelectedScreeningResult, maxEvidence: number): ScreeningRow {
  const shown = sortRows(
    result.evidence.filter((e) => e.use !== "ignored").map(describeEvidence),
    (a, b) => compareTextDesc(a.date, b.date),
    (a, b) => compareText(a.source, b.source) || compareText(a.sourceId, b.sourceId),
  );
  return {
    key: result.screeningTypeKey,
    name: result.name,
    status: result.status,
    statusLabel: statusLabels[result.status],
    lastCompleted: result.lastCompleted,
    nextDue: result.nextDue,
    evidence: shown.slice(0, maxEvidence),
    evidenceOmitted: Math.max(0, shown.length - maxEvidence),
    reason: result.reasons.join(" "),
  };
}

/** Superseded family variants and screenings the patient is not eligible for are history, not tasks. */
function listCurrent(results: readonly SelectedScreeningResult[]): SelectedScreeningResult[] {
  return results.filter((r) => r.selection !== "superseded" && r.status !== "not_eligible");
}

export function buildScreeningRows(results: readonly SelectedScreeningResult[], settings: PrepSheetSettings): ScreeningRow[] {
  return sortRows(
    listCurrent(results).map((r) => buildScreeningRow(r, settings.maxEvidencePerScreening)),
    (a, b) => screeningUrgencyRank[a.status] - screeningUrgencyRank[b.status],
    (a, b) => compareFolded(a.name, b.name) || compareText(a.key, b.key),
  );
}

function decideMeasure(setting: MeasureSetting, result: SelectedScreeningResult | undefined, yearEnd: string): MeasureRow {
  const base = { measureId: setting.measureId, title: setting.title, lastCompleted: result?.lastCompleted ?? null, nextDue: result?.nextDue ?? null };
  const action = setting.closeGapAction ?? `Complete ${result?.name ?? setting.title}, or record an outside result with its date`;
  if (!result) return { ...base, status: "not_evaluated", action: "Screening not evaluated; check the clinic's screening types" };
  switch (result.status) {
    case "complete":
    case "due_soon":
      // Measures look at the year's end: a screening lapsing before 31 Dec reopens the gap.
      if (result.nextDue !== null && result.nextDue <= yearEnd) return { ...base, status: "at_risk", action: `Due ${result.nextDue}: ${action}` };
      return { ...base, status: "met", action: null };
    case "due":
    case "overdue":
      return { ...base, status: "gap", action };
    case "needs_review":
      return { ...base, status: "review", action: "Review the flagged evidence to confirm whether the measure is met" };
    default:
      return { ...base, status: "not_applicable", action: null };
  }
}

const measureRank: Record<MeasureRow["status"], number> = { gap: 0, at_risk: 1, review: 2, not_evaluated: 3, met: 4, not_applicable: 5 };

export function buildMeasureRows(results: readonly SelectedScreeningResult[], settings: PrepSheetSettings, asOf: string): { year: number; rows: MeasureRow[] } {
  const year = Number(asOf.slice(0, 4));
  const current = sortRows(listCurrent(results), (a, b) => compareText(a.screeningTypeKey, b.screeningTypeKey));
  const rows = settings.measures.map((setting) =>
    decideMeasure(setting, current.find((r) => matchesKey(r, setting.screeningKey)), `${year}-12-31`),
  );
  return { year, rows: sortRows(rows, (a, b) => measureRank[a.status] - measureRank[b.status], (a, b) => compareText(a.measureId, b.measureId)) };
}

const dueStatuses = new Set<ScreeningStatus>(["overdue", "due", "due_soon", "needs_review"]);

export function buildImmunizationDueRows(results: readonly SelectedScreeningResult[], settings: PrepSheetSettings): ImmunizationDueRow[] {
  const rows = listCurrent(results)
    .filter((r) => dueStatuses.has(r.status) && settings.immunizationKeys.some((key) => matchesKey(r, key)))
    .map((r): ImmunizationDueRow => ({
      key: r.screeningTypeKey, name: r.name, status: r.status, statusLabel: statusLabels[r.status], lastGiven: r.lastCompleted, nextDue: r.nextDue,
    }));
  return sortRows(rows, (a, b) => screeningUrgencyRank[a.status] - screeningUrgencyRank[b.status], (a, b) => compareFolded(a.name, b.name));
}
