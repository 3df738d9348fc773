"use client";
import { RefreshCw } from "lucide-react";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { syncScheduleAction } from "./actions";

type State = Awaited<ReturnType<typeof syncScheduleAction>> | null;

export function SyncNowButton({ orgSlug, date }: { orgSlug: string; date: string }) {
  const [state, action, pending] = useActionState<State, FormData>(syncScheduleAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="date" value={date} />
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        <RefreshCw aria-hidden className={pending ? "animate-spin" : undefined} /> Sync now
      </Button>
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
      {state?.ok && !state.data.requested ? <span className="text-xs text-muted-foreground">A sync is already running.</span> : null}
    </form>
  );
}
