import { parseIsoDate } from "./calendar-date";
import { compareStrings, type ScreeningResult } from "./screening-result";

/** How long a variant keeps the patient covered: forever for a done lifetime test, -∞ when never done. */
function coverage(result: ScreeningResult): number {
  if (result.lastCompleted === null) return Number.NEGATIVE_INFINITY;
  if (result.nextDue === null) return Number.POSITIVE_INFINITY;
  return parseIsoDate(result.nextDue) ?? Number.NEGATIVE_INFINITY;
}

type Covered = { result: ScreeningResult; coverage: number };

function compareVariants(a: Covered, b: Covered): number {
  const byCoverage = b.coverage - a.coverage;
  if (byCoverage !== 0 && !Number.isNaN(byCoverage)) return byCoverage;
  const byRank = (b.result.family?.rank ?? 0) - (a.result.family?.rank ?? 0);
  return byRank !== 0 ? byRank : compareStrings(a.result.screeningTypeKey, b.result.screeningTypeKey);
}

const open = new Set(["due_soon", "due", "overdue"]);

/**
 * Picks the one variant a family shows, using only explicit data so input order never matters:
 * 1. only variants the patient is eligible for; if all of them are excluded, the family is excluded;
 * 2. the variant whose valid evidence covers the patient longest (latest nextDue; a done lifetime test
 *    covers forever) wins: a FIT last month does not hide a colonoscopy two years ago;
 * 3. ties, and families where nothing was ever done, go to the higher explicit rank (more specific),
 *    then the type key;
 * 4. if the winner is still open but another variant needs review, that variant is shown instead,
 *    because confirming its evidence could close the gap.
 * With no eligible variant, the highest-rank one is returned so the family keeps one row.
 */
export function selectFamilyVariant(results: readonly ScreeningResult[]): { winner: ScreeningResult; reason: string } | null {
  const byRank = [...results].sort((a, b) => (b.family?.rank ?? 0) - (a.family?.rank ?? 0) || compareStrings(a.screeningTypeKey, b.screeningTypeKey));
  const eligible = byRank.filter((r) => r.status !== "not_eligible");
  const active = eligible.filter((r) => r.status !== "excluded");
  if (active.length === 0) {
    const winner = eligible[0] ?? byRank[0];
    if (!winner) return null;
    return { winner, reason: eligible.length > 0 ? "every eligible variant is excluded" : "no variant applies" };
  }
  // Each variant's coverage worked out once, not at every comparison of the sort.
  const ranked = active.map((result) => ({ result, coverage: coverage(result) })).sort(compareVariants).map((covered) => covered.result);
  const top = ranked[0];
  if (!top) return null;
  if (open.has(top.status)) {
    const review = ranked.find((r) => r.status === "needs_review");
    if (review) return { winner: review, reason: "another variant is open and this one has evidence to review" };
  }
  return {
    winner: top,
    reason: top.lastCompleted === null ? "no variant has completed evidence; highest rank chosen" : "its evidence covers the patient longest",
  };
}
