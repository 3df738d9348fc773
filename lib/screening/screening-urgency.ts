import type { ScreeningStatus } from "./screening-result";

/** Action items first, as the prep sheet lists them: what needs doing today reads at the top. */
export const screeningUrgencyRank: Record<ScreeningStatus, number> = {
  overdue: 0, due: 1, due_soon: 2, needs_review: 3, complete: 4, excluded: 5, not_eligible: 6,
};

/** Most urgent first, then by name (case-insensitive), then key: a total order. */
export function sortByUrgency<T extends { status: ScreeningStatus; name: string; screeningTypeKey: string }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      screeningUrgencyRank[a.status] - screeningUrgencyRank[b.status] ||
      (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : 0) ||
      (a.screeningTypeKey < b.screeningTypeKey ? -1 : a.screeningTypeKey > b.screeningTypeKey ? 1 : 0),
  );
}
