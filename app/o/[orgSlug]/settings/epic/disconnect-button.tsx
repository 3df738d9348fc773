"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { disconnectEpicAction } from "./actions";

type State = Awaited<ReturnType<typeof disconnectEpicAction>> | null;

/** Forgets the signed-in user's own Epic tokens for this clinic. */
export function DisconnectButton({ orgSlug }: { orgSlug: string }) {
  const [state, action, pending] = useActionState<State, FormData>(disconnectEpicAction, null);
  return (
    <form action={action} className="flex items-center gap-3">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <Button type="submit" variant="outline" size="sm" disabled={pending}>Disconnect my Epic connection</Button>
      {state?.ok ? <span className="text-sm text-muted-foreground">Disconnected. Sign in with Epic again to reconnect.</span> : null}
      {state && !state.ok ? <span role="alert" className="text-sm text-destructive">{state.error.message}</span> : null}
    </form>
  );
}
