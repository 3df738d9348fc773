"use client";
import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { createOrganizationAction } from "./actions";

type State = Awaited<ReturnType<typeof createOrganizationAction>> | null;

export function CreateOrganizationForm() {
  const [state, action, pending] = useActionState<State, FormData>(createOrganizationAction, null);
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[1fr_12rem_14rem_auto] sm:items-end">
      <div className="grid gap-1.5">
        <Label htmlFor="org-name">Clinic name</Label>
        <Input id="org-name" name="name" required minLength={2} placeholder="Hillcrest Internal Medicine" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="org-slug">Address</Label>
        <Input id="org-slug" name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="hillcrest" />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="org-tz">Time zone</Label>
        <Input id="org-tz" name="timeZone" required defaultValue="America/New_York" />
      </div>
      <Button type="submit" disabled={pending}>
        Create clinic
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-destructive sm:col-span-4">
          {state.error.message}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-emerald-700 sm:col-span-4">
          Created /o/{state.data.slug}. <Link className="underline" href={`/admin/organizations/${state.data.id}`}>Open clinic</Link>
        </p>
      ) : null}
    </form>
  );
}
