"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { updateOrganizationAction } from "../actions";

type State = Awaited<ReturnType<typeof updateOrganizationAction>> | null;

export function EditOrganizationForm({ organization }: { organization: { id: string; name: string; timeZone: string } }) {
  const [state, action, pending] = useActionState<State, FormData>(updateOrganizationAction, null);
  return (
    <form action={action} className="grid gap-3">
      <input type="hidden" name="organizationId" value={organization.id} />
      <div className="grid gap-1.5">
        <Label htmlFor="edit-org-name">Clinic name</Label>
        <Input id="edit-org-name" name="name" required minLength={2} defaultValue={organization.name} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="edit-org-tz">Time zone</Label>
        <Input id="edit-org-tz" name="timeZone" required defaultValue={organization.timeZone} />
      </div>
      <Button type="submit" disabled={pending} className="justify-self-start">
        Save changes
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-destructive">
          {state.error.message}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700">
          Saved
        </p>
      ) : null}
    </form>
  );
}
