import { describeLastDone } from "@/lib/screening/describe-last-done";

/**
 * The dates line under a screening on the patient page and the web prep sheet: "No record found" alone
 * for one never done (no next-due date), else "Last done … · Next due …" as the PDF and note columns.
 */
export function describeDates(lastCompleted: string | null, nextDue: string | null, applies: boolean): string {
  const lastDone = describeLastDone(lastCompleted, applies);
  if (lastCompleted === null && lastDone !== null) return lastDone;
  return `Last done ${lastDone ?? "-"} · Next due ${nextDue ?? "-"}`;
}
