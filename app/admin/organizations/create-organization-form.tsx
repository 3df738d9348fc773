"use client";
import Link from "next/link";
import { ActionMessage } from "@/app/_components/action-message";
import { FormField } from "@/app/_components/form-field";
import { useKeptFormAction } from "@/app/_components/use-kept-form-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { readActionProblems } from "@/lib/http/read-action-problems";
import { createOrganizationAction } from "./actions";

type State = Awaited<ReturnType<typeof createOrganizationAction>> | null;

export function CreateOrganizationForm() {
  const [state, onSubmit, pending] = useKeptFormAction<State>(createOrganizationAction, null, { resetWhen: (result) => result?.ok === true });
  const problems = readActionProblems(state).fields;
  const error = (name: string) => problems.get(name)?.join(" ");
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[1fr_12rem_14rem_auto] sm:items-end">
      <FormField id="org-name" label="Clinic name" error={error("name")}>
        {(control) => <Input {...control} name="name" required minLength={2} placeholder="Hillcrest Internal Medicine" />}
      </FormField>
      <FormField id="org-slug" label="Address" error={error("slug")}>
        {(control) => <Input {...control} name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="hillcrest" />}
      </FormField>
      <FormField id="org-tz" label="Time zone" error={error("timeZone")}>
        {(control) => <Input {...control} name="timeZone" required defaultValue="America/New_York" />}
      </FormField>
      <Button type="submit" disabled={pending}>
        Create clinic
      </Button>
      <ActionMessage
        result={state}
        className="sm:col-span-4"
        done={(data) => (
          <>
            Created /o/{data.slug}. <Link className="underline" href={`/admin/organizations/${data.id}`}>Open clinic</Link>
          </>
        )}
      />
    </form>
  );
}
