import type { ScreeningStatus } from "./screening-result";

/** What a screening with no completed record says everywhere: the sheet, patient page, PDF and Epic note. */
export const noRecordFound = "No record found";

/**
 * The "last done" wording for one row: its date, "No record found" when the screening applies and
 * was never done (there is then no next-due date either, never one made up), and null when it does
 * not apply (not eligible, excluded), where renderers show their usual blank.
 */
export function describeLastDone(lastCompleted: string | null, applies: boolean): string | null {
  return lastCompleted ?? (applies ? noRecordFound : null);
}

/** Whether a screening with this status applies to the patient (so never done means "No record found"). */
export function screeningApplies(status: ScreeningStatus): boolean {
  return status !== "not_eligible" && status !== "excluded";
}
