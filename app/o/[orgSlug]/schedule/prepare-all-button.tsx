"use client";
import { ClipboardList } from "lucide-react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { prepareAllAction } from "./actions";

type State = Awaited<ReturnType<typeof prepareAllAction>> | null;

export function PrepareAllButton({ orgSlug, date }: { orgSlug: string; date: string }) {
  const [state, action, pending] = useActionState<State, FormData>(prepareAllAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="date" value={date} />
      <Button type="submit" size="sm" disabled={pending}>
        <ClipboardList aria-hidden /> Prepare all
      </Button>
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
      {state?.ok ? <span className="text-xs text-muted-foreground" role="status">{state.data.requested === 0 ? "Nothing to prepare." : `Preparing ${state.data.requested} prep sheets…`}</span> : null}
    </form>
  );
}
