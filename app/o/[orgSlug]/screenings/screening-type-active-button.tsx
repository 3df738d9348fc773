"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { setScreeningTypeActiveAction } from "./actions";

type State = Awaited<ReturnType<typeof setScreeningTypeActiveAction>> | null;

export function ScreeningTypeActiveButton({ orgSlug, screeningTypeId, name, active }: { orgSlug: string; screeningTypeId: string; name: string; active: boolean }) {
  const [state, action, pending] = useActionState<State, FormData>(setScreeningTypeActiveAction, null);
  const verb = active ? "Deactivate" : "Activate";
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="screeningTypeId" value={screeningTypeId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        {verb}
        <span className="sr-only"> {name}</span>
      </Button>
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
    </form>
  );
}
