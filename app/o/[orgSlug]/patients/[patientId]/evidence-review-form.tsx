"use client";
import { useActionState, useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { reviewEvidenceAction } from "./actions";

type State = Awaited<ReturnType<typeof reviewEvidenceAction>> | null;

/** Dismiss (false match) and, for a needs-review item, Confirm; an undated item asks for its date. */
export function EvidenceReviewForm(props: { orgSlug: string; patientId: string; screeningTypeKey: string; evidenceId: string; canConfirm: boolean; needsDate: boolean }) {
  const [state, action, pending] = useActionState<State, FormData>(reviewEvidenceAction, null);
  const dateId = useId();
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="orgSlug" value={props.orgSlug} />
      <input type="hidden" name="patientId" value={props.patientId} />
      <input type="hidden" name="screeningTypeKey" value={props.screeningTypeKey} />
      <input type="hidden" name="evidenceId" value={props.evidenceId} />
      {props.canConfirm && props.needsDate ? (
        <>
          <label htmlFor={dateId} className="text-xs text-muted-foreground">Date done</label>
          <Input id={dateId} type="date" name="confirmedDate" className="h-8 w-36" />
        </>
      ) : null}
      {props.canConfirm ? (
        <Button type="submit" name="decision" value="confirmed" size="sm" variant="secondary" disabled={pending}>
          Confirm
        </Button>
      ) : null}
      <Button type="submit" name="decision" value="dismissed" size="sm" variant="outline" disabled={pending}>
        Dismiss
      </Button>
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
    </form>
  );
}
