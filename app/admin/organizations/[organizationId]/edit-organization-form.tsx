"use client";
import { ActionMessage } from "@/app/_components/action-message";
import { FormField } from "@/app/_components/form-field";
import { useKeptFormAction } from "@/app/_components/use-kept-form-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { readActionProblems } from "@/lib/http/read-action-problems";
import { updateOrganizationAction } from "../actions";

type State = Awaited<ReturnType<typeof updateOrganizationAction>> | null;

export function EditOrganizationForm({ organization }: { organization: { id: string; name: string; timeZone: string } }) {
  const [state, onSubmit, pending] = useKeptFormAction<State>(updateOrganizationAction, null);
  const problems = readActionProblems(state).fields;
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3">
      <input type="hidden" name="organizationId" value={organization.id} />
      <FormField id="edit-org-name" label="Clinic name" error={problems.get("name")?.join(" ")}>
        {(control) => <Input {...control} name="name" required minLength={2} defaultValue={organization.name} />}
      </FormField>
      <FormField id="edit-org-tz" label="Time zone" error={problems.get("timeZone")?.join(" ")}>
        {(control) => <Input {...control} name="timeZone" required defaultValue={organization.timeZone} />}
      </FormField>
      <Button type="submit" disabled={pending} className="justify-self-start">
        Save changes
      </Button>
      <ActionMessage result={state} done={() => "Saved"} />
    </form>
  );
}
