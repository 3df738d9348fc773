"use client";
import { useActionState, useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { reviewEvidenceAction, undoEvidenceReviewAction } from "./actions";

type ReviewState = Awaited<ReturnType<typeof reviewEvidenceAction>> | null;
type UndoState = Awaited<ReturnType<typeof undoEvidenceReviewAction>> | null;
type Decided = { decision: "dismissed" | "confirmed"; decidedBy: string; decidedAt: string; confirmedDate: string | null };

type Props = {
  orgSlug: string;
  patientId: string;
  screeningTypeKey: string;
  screeningName: string;
  evidenceId: string;
  canConfirm: boolean;
  needsDate: boolean;
  canReview: boolean;
  decided: Decided | null;
};

const asks = {
  dismissed: (name: string) => `Dismiss this match? It will no longer count toward ${name}. You can undo this.`,
  confirmed: (name: string) => `Confirm this item for ${name}? It will count as done. You can undo this.`,
};

/**
 * Dismiss (false match) and, for a needs-review item, Confirm, each asked once more before it is
 * saved; a decided item says who decided and when, with Undo. An undated item asks for its date.
 */
export function EvidenceReviewForm(props: Props) {
  const [state, review, reviewing] = useActionState<ReviewState, FormData>(reviewEvidenceAction, null);
  const [undone, undo, undoing] = useActionState<UndoState, FormData>(undoEvidenceReviewAction, null);
  const [asking, setAsking] = useState<"dismissed" | "confirmed" | null>(null);
  const dateId = useId();
  const hidden = (
    <>
      <input type="hidden" name="orgSlug" value={props.orgSlug} />
      <input type="hidden" name="patientId" value={props.patientId} />
      <input type="hidden" name="screeningTypeKey" value={props.screeningTypeKey} />
      <input type="hidden" name="evidenceId" value={props.evidenceId} />
    </>
  );
  if (props.decided) {
    const { decision, decidedBy, decidedAt, confirmedDate } = props.decided;
    return (
      <form action={undo} className="flex flex-wrap items-center gap-2 text-xs" data-testid="review-decision">
        {hidden}
        <span className="text-muted-foreground">
          {`${decision === "dismissed" ? "Dismissed" : "Confirmed"}${confirmedDate ? ` (done ${confirmedDate})` : ""} by ${decidedBy} · ${decidedAt}`}
        </span>
        {props.canReview ? (
          <Button type="submit" size="sm" variant="outline" className="h-7 px-2 text-xs" disabled={undoing}>
            {undoing ? "Undoing…" : "Undo"}
          </Button>
        ) : null}
        {undone && !undone.ok ? <span role="alert" className="text-destructive">{undone.error.message}</span> : null}
      </form>
    );
  }
  if (!props.canReview) return null;
  return (
    <form action={(data) => { setAsking(null); review(data); }} className="grid gap-2">
      {hidden}
      {props.canConfirm && props.needsDate ? (
        <div className="flex items-center gap-2">
          <label htmlFor={dateId} className="text-xs text-muted-foreground">Date done</label>
          <Input id={dateId} type="date" name="confirmedDate" className="h-8 w-36" />
        </div>
      ) : null}
      {asking ? (
        // Distinct keys: React must not reuse the clicked type="button" as this type="submit" one,
        // or the browser finishes that click by submitting the form (a decision nobody confirmed).
        <div key="ask" role="group" aria-label="Confirm your decision" className="flex flex-wrap items-center gap-2 rounded-md border bg-background p-2 text-xs">
          <span>{asks[asking](props.screeningName)}</span>
          <Button type="submit" name="decision" value={asking} size="sm" variant={asking === "dismissed" ? "destructive" : "default"} disabled={reviewing} autoFocus>
            {asking === "dismissed" ? "Yes, dismiss" : "Yes, confirm"}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setAsking(null)}>Cancel</Button>
        </div>
      ) : (
        <div key="choose" className="flex flex-wrap items-center gap-2">
          {props.canConfirm ? (
            <Button type="button" size="sm" variant="secondary" disabled={reviewing} onClick={() => setAsking("confirmed")}>
              Confirm
            </Button>
          ) : null}
          <Button type="button" size="sm" variant="outline" disabled={reviewing} onClick={() => setAsking("dismissed")}>
            {reviewing ? "Saving…" : "Dismiss"}
          </Button>
        </div>
      )}
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
    </form>
  );
}
