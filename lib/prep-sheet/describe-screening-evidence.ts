import type { EvidenceModel, ScreeningRow } from "./prep-sheet-model";

/**
 * The evidence behind a screening row in a few plain words with its source and date, for paper and
 * the Epic note: "Colonoscopy (procedure 2024-06-06)". Record ids, codes and the engine's reasoning
 * stay on the web page's detail view.
 */
const maxLabelLength = 44;
// SNOMED fully specified names end in a semantic tag that says nothing to a reader of the sheet.
const semanticTag = /\s*\((procedure|finding|disorder|situation|observable entity|regime\/therapy|qualifier value|event)\)\s*$/i;

export function toPlainLabel(label: string, maxLength = maxLabelLength): string {
  const text = label.replace(semanticTag, "").replace(/\s+/g, " ").trim();
  const capitalised = text.charAt(0).toUpperCase() + text.slice(1);
  if (capitalised.length <= maxLength) return capitalised;
  const cut = capitalised.slice(0, maxLength - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength / 2)).replace(/[\s,;:/-]+$/, "")}\u2026`;
}

function describeItem(item: EvidenceModel): string {
  return `${toPlainLabel(item.label)} (${item.source.toLowerCase()} ${item.date ?? "undated"}${item.check ? `; ${item.check}` : ""})`;
}

/** Older stored sheets have no role: their items are read as completions, the common case. */
const roleOf = (item: EvidenceModel) => item.role ?? "completion";

export function describeScreeningEvidence(row: Pick<ScreeningRow, "status" | "lastCompleted" | "evidence">): string | null {
  const { evidence } = row;
  if (row.status === "needs_review") {
    const review = evidence.find((e) => e.needsReview);
    if (review) return `To confirm: ${describeItem(review)}`;
  }
  if (row.status === "excluded") {
    const exclusion = evidence.find((e) => roleOf(e) === "exclusion" && !e.needsReview);
    if (exclusion) return `Excluded: ${describeItem(exclusion)}`;
  }
  const completions = evidence.filter((e) => roleOf(e) === "completion" && !e.needsReview);
  const deciding = completions.find((e) => e.date !== null && e.date === row.lastCompleted) ?? (row.lastCompleted ? completions[0] : undefined);
  if (deciding) return describeItem(deciding);
  const trigger = evidence.find((e) => roleOf(e) === "trigger" && !e.needsReview);
  if (trigger) return `Applies: ${describeItem(trigger)}`;
  return null;
}
