import { z } from "zod";
import { factDay } from "./fact-helpers";
import { isoDateSchema, type DayNumber } from "./calendar-date";
import type { EvidenceItem } from "./screening-result";

/**
 * A clinician's decision about one evidence item of one screening type: `dismissed` (a false match,
 * never counts again) or `confirmed` (a needs-review item is real). A confirmed item without a date
 * needs `confirmedDate`, because an undated item can never complete a screening.
 */
export const reviewDecisionSchema = z.object({
  screeningTypeKey: z.string().min(1).max(80),
  evidenceId: z.string().min(1).max(300),
  decision: z.enum(["dismissed", "confirmed"]),
  confirmedDate: isoDateSchema.nullable().default(null),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

/** Stable id of an evidence item within a type: role, source and the source record's id. */
export function evidenceIdOf(item: Pick<EvidenceItem, "role" | "source" | "sourceId">): string {
  return `${item.role}:${item.source}:${item.sourceId}`;
}

/** Decisions by type key, then evidence id; the last decision for an item wins. */
export type ReviewIndex = ReadonlyMap<string, ReadonlyMap<string, ReviewDecision>>;

export function indexReviewDecisions(reviews: readonly ReviewDecision[] | undefined): ReviewIndex | null {
  if (!reviews || reviews.length === 0) return null;
  const index = new Map<string, Map<string, ReviewDecision>>();
  for (const review of reviews) {
    const byItem = index.get(review.screeningTypeKey) ?? new Map<string, ReviewDecision>();
    byItem.set(review.evidenceId, review);
    index.set(review.screeningTypeKey, byItem);
  }
  return index;
}

/**
 * Applies the type's decisions to its evidence. Returns the input array itself when no decision
 * touches it, so an evaluation without reviews is exactly the evaluation it always was.
 */
export function applyReviewDecisions(items: EvidenceItem[], decisions: ReadonlyMap<string, ReviewDecision> | undefined, asOf: DayNumber): EvidenceItem[] {
  if (!decisions || decisions.size === 0) return items;
  let changed = false;
  const out = items.map((item) => {
    const decision = decisions.get(evidenceIdOf(item));
    if (!decision) return item;
    const next = reviewed(item, decision, asOf);
    if (next !== item) changed = true;
    return next;
  });
  return changed ? out : items;
}

function reviewed(item: EvidenceItem, decision: ReviewDecision, asOf: DayNumber): EvidenceItem {
  if (decision.decision === "dismissed") {
    return item.use === "ignored" ? item : { ...item, use: "ignored", note: "dismissed by clinician review as a false match" };
  }
  if (item.use !== "review") return item;
  const date = item.date ?? decision.confirmedDate;
  const day = factDay(date);
  if (day === null) return { ...item, note: "confirmed by clinician review; a date is still needed" };
  if (day > asOf) return item;
  const ownDate = item.date !== null;
  return {
    ...item,
    use: "counted",
    date: ownDate ? item.date : date,
    datePrecision: ownDate ? item.datePrecision : "day",
    note: ownDate ? "confirmed by clinician review" : `confirmed by clinician review, done ${date}`,
  };
}
