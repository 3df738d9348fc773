"use client";
import { ClipboardList } from "lucide-react";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { prepareAllAction } from "./actions";
import { useScheduleProgress } from "./schedule-progress";

type State = Awaited<ReturnType<typeof prepareAllAction>> | null;

export function PrepareAllButton({ orgSlug, date, who }: { orgSlug: string; date: string; who: "me" | "clinic" }) {
  const [state, action, pending] = useActionState<State, FormData>(prepareAllAction, null);
  const { preparing, failed } = useScheduleProgress();
  // The request this status belongs to has been seen in progress: from then on, nothing in progress means done.
  const [busyFor, setBusyFor] = useState<State>(null);
  useEffect(() => {
    if (state?.ok && preparing > 0) setBusyFor(state);
  }, [state, preparing]);
  const requested = state?.ok ? state.data.requested : 0;
  const finished = busyFor === state && preparing === 0;
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="date" value={date} />
      <input type="hidden" name="who" value={who} />
      <Button type="submit" size="sm" disabled={pending}>
        <ClipboardList aria-hidden /> Prepare all
      </Button>
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
      {state?.ok ? (
        <span className="text-xs text-muted-foreground" role="status" data-testid="prepare-all-status">
          {requested === 0
            ? "Nothing to prepare."
            : finished
              ? `${readyCount(requested, failed)} ready${failed > 0 ? ` · ${failed} failed` : ""}`
              : `Preparing ${requested} prep sheets…`}
        </span>
      ) : null}
    </form>
  );
}

function readyCount(requested: number, failed: number): string {
  const ready = Math.max(0, requested - failed);
  return `${ready} ${ready === 1 ? "prep sheet" : "prep sheets"}`;
}
