"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { removeMemberAction } from "./actions";

type State = Awaited<ReturnType<typeof removeMemberAction>> | null;

export function MemberRemoveForm({ orgSlug, membershipId, name }: { orgSlug: string; membershipId: string; name: string }) {
  const [state, action, pending] = useActionState<State, FormData>(removeMemberAction, null);
  return (
    <form
      action={action}
      className="flex items-center gap-2"
      onSubmit={(event) => {
        if (!window.confirm(`Remove ${name} from this clinic? They are signed out everywhere.`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <Button type="submit" size="sm" variant="ghost" disabled={pending} aria-label={`Remove ${name}`}>
        Remove
      </Button>
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
    </form>
  );
}
