import Link from "next/link";
import { formatClinicDateTime } from "@/lib/dates/format-clinic-time";
import { reviewDecisionKey, type ReviewDecisionView } from "@/lib/patients/list-review-decisions";
import { evidenceIdOf } from "@/lib/screening";
import { sortByUrgency } from "@/lib/screening/screening-urgency";
import { screeningApplies } from "@/lib/screening/describe-last-done";
import type { PatientScreening } from "@/lib/screening-data/list-patient-screenings";
import { describeDates } from "./describe-dates";
import { EvidenceReviewForm } from "./evidence-review-form";
import { ScreeningStatusBadge } from "./screening-status-badge";

const sourceLabels: Record<string, string> = {
  procedure: "Procedure", observation: "Observation", diagnostic_report: "Report", immunization: "Immunization", condition: "Condition", document: "Document",
};
const useLabels: Record<string, string> = { counted: "Counted", review: "Needs review", ignored: "Not counted" };

type Props = { orgSlug: string; patientId: string; timeZone: string; screenings: PatientScreening[]; decisions: Map<string, ReviewDecisionView>; canReview: boolean };

/**
 * One row per screening (family variants set aside), most urgent first as on the prep sheet;
 * evidence and reasons in an expandable <details>, each document opening to check it.
 */
export function ScreeningChecklist(props: Props) {
  const rows = sortByUrgency(props.screenings.filter((s) => s.selection !== "superseded"));
  return (
    <ul className="grid gap-2">
      {rows.map((s) => (
        <li key={s.id} className="rounded-lg border bg-card p-3" data-testid="screening-row">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div className="font-medium" data-testid="screening-name">{s.name}</div>
            <ScreeningStatusBadge status={s.status} />
          </div>
          <p className="mt-1 text-xs text-muted-foreground" data-testid="screening-dates">{describeDates(s.lastCompleted, s.nextDue, screeningApplies(s.status))}</p>
          <details className="mt-2 text-sm">
            <summary className="cursor-pointer text-primary">Evidence and reasons ({s.evidence.length})</summary>
            {s.reasons.length > 0 ? (
              <ul className="mt-2 list-disc pl-5 text-muted-foreground">
                {s.reasons.map((reason, i) => <li key={i}>{reason}</li>)}
              </ul>
            ) : null}
            {s.evidence.length === 0 ? <p className="mt-2 text-muted-foreground">No evidence found.</p> : (
              <ul className="mt-2 grid gap-2">
                {s.evidence.map((e) => {
                  const evidenceId = evidenceIdOf(e);
                  const decision = props.decisions.get(reviewDecisionKey(s.screeningTypeKey, evidenceId));
                  return (
                    <li key={`${evidenceId}:${e.use}`} className="rounded-md bg-muted/50 p-2" data-testid="evidence-item">
                      <div className="flex flex-wrap gap-x-4 text-xs">
                        <span className="font-medium">{sourceLabels[e.source] ?? e.source}</span>
                        <span>{e.date ?? "undated"}</span>
                        <span>{e.role}</span>
                        <span>{useLabels[e.use] ?? e.use}</span>
                        <span>Confidence {Math.round(e.confidence * 100)}%</span>
                        {e.code ? <span>{e.code.system} {e.code.code}{e.code.display ? ` ${e.code.display}` : ""}</span> : null}
                      </div>
                      {e.snippet ?? e.term ? <blockquote className="mt-1 border-l-2 pl-2 text-xs italic">{e.snippet ?? e.term}</blockquote> : null}
                      {e.note ? <p className="mt-1 text-xs text-muted-foreground">{e.note}</p> : null}
                      {e.source === "document" ? (
                        <Link href={`/o/${props.orgSlug}/documents/${e.sourceId}`} className="mt-1 inline-block text-xs font-medium text-primary underline-offset-4 hover:underline" data-testid="open-evidence-document">
                          Open document
                        </Link>
                      ) : null}
                      {decision || (props.canReview && e.use !== "ignored") ? (
                        <div className="mt-2">
                          <EvidenceReviewForm
                            orgSlug={props.orgSlug}
                            patientId={props.patientId}
                            screeningTypeKey={s.screeningTypeKey}
                            screeningName={s.name}
                            evidenceId={evidenceId}
                            canConfirm={e.use === "review"}
                            needsDate={e.date === null}
                            canReview={props.canReview}
                            decided={decision ? { decision: decision.decision, decidedBy: decision.decidedBy, decidedAt: formatClinicDateTime(decision.decidedAt, props.timeZone), confirmedDate: decision.confirmedDate } : null}
                          />
                        </div>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </details>
        </li>
      ))}
    </ul>
  );
}
