import "server-only";
import type { Db } from "@/db/client";
import { listScreeningReviewsWithDeciders } from "@/db/queries/screenings";
import type { Id } from "@/lib/ids";

export type ReviewDecisionView = { decision: "dismissed" | "confirmed"; confirmedDate: string | null; decidedBy: string; decidedAt: Date };

export const reviewDecisionKey = (screeningTypeKey: string, evidenceId: string) => `${screeningTypeKey}\n${evidenceId}`;

/** The patient's review decisions by (type, evidence item), each with who decided (name, else email) and when. */
export async function listReviewDecisions(db: Db, input: { organizationId: Id<"organization">; patientId: Id<"patient"> }): Promise<Map<string, ReviewDecisionView>> {
  const rows = await listScreeningReviewsWithDeciders(db, input.organizationId, input.patientId);
  return new Map(
    rows.map((r) => [
      reviewDecisionKey(r.screeningTypeKey, r.evidenceId),
      { decision: r.decision, confirmedDate: r.confirmedDate, decidedBy: r.decidedByName ?? r.decidedByEmail ?? "a former member", decidedAt: r.decidedAt },
    ]),
  );
}
