"use client";
import { RotateCw } from "lucide-react";
import { startTransition, useActionState } from "react";
import { Button } from "@/components/ui/button";
import { retryDocumentsAction } from "./actions";

type State = Awaited<ReturnType<typeof retryDocumentsAction>> | null;

/** Reads the patient's failed documents again; used on the schedule row and the patient page. */
export function RetryDocumentsButton(props: { orgSlug: string; patientId: string; label: string }) {
  const [state, retry, pending] = useActionState<State>(() => retryDocumentsAction({ orgSlug: props.orgSlug, patientId: props.patientId }), null);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <Button type="button" size="sm" variant="outline" className="h-7 px-2 text-xs" disabled={pending} onClick={() => startTransition(retry)} aria-label={props.label}>
        <RotateCw aria-hidden className={pending ? "animate-spin" : undefined} />
        Try again
      </Button>
      {state?.ok ? <span role="status" className="text-xs text-muted-foreground">{state.data.requested === 0 ? "Nothing to read again" : "Reading again…"}</span> : null}
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
    </span>
  );
}
