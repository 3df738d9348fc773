"use client";
import { useActionState } from "react";
import { roleLabels } from "@/app/_components/role-labels";
import { Button } from "@/components/ui/button";
import { changeMemberRoleAction } from "./actions";

type State = Awaited<ReturnType<typeof changeMemberRoleAction>> | null;

export function MemberRoleForm({ orgSlug, membershipId, role }: { orgSlug: string; membershipId: string; role: string }) {
  const [state, action, pending] = useActionState<State, FormData>(changeMemberRoleAction, null);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <select
        name="role"
        defaultValue={role}
        aria-label="Role"
        className="h-8 rounded-md border border-input bg-background px-2 text-sm"
      >
        {Object.entries(roleLabels).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <Button type="submit" size="sm" variant="outline" disabled={pending}>
        Save
      </Button>
      {state && !state.ok ? <span role="alert" className="text-xs text-destructive">{state.error.message}</span> : null}
      {state?.ok ? <span className="text-xs text-emerald-700">Saved</span> : null}
    </form>
  );
}
