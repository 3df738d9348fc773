"use client";
import { startTransition, useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { readActionProblems } from "@/lib/http/read-action-problems";
import { inviteMemberAction } from "./actions";

type State = Awaited<ReturnType<typeof inviteMemberAction>> | null;

/** Adds a person to the clinic; the fields keep their values after a refusal and clear after success. */
export function MemberInviteForm({ orgSlug }: { orgSlug: string }) {
  const form = useRef<HTMLFormElement>(null);
  const [state, dispatch, pending] = useActionState<State, FormData>(async (previous, data) => {
    const result = await inviteMemberAction(previous, data);
    if (result.ok) form.current?.reset();
    return result;
  }, null);
  const { fields: issues, form: formError } = readActionProblems(state, (path) => (["email", "name", "epicUser"].includes(path) ? path : undefined));
  const field = (name: string, label: string, props: React.ComponentProps<typeof Input> = {}) => (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={`invite-${name}`}>{label}</Label>
      <Input
        id={`invite-${name}`}
        name={name}
        aria-invalid={issues.has(name) ? true : undefined}
        aria-describedby={issues.has(name) ? `invite-${name}-error` : undefined}
        {...props}
      />
      {issues.has(name) ? <p id={`invite-${name}-error`} className="text-xs text-destructive">{issues.get(name)!.join(" ")}</p> : null}
    </div>
  );
  return (
    <form
      ref={form}
      noValidate
      className="grid gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      <input type="hidden" name="orgSlug" value={orgSlug} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {field("email", "Email", { type: "email", autoComplete: "off" })}
        {field("name", "Name", { autoComplete: "off" })}
        <div className="grid content-start gap-1.5">
          <Label htmlFor="invite-role">Role</Label>
          <select id="invite-role" name="role" defaultValue="staff" className="h-9 rounded-md border border-input bg-background px-2 text-sm">
            <option value="staff">Staff</option>
            <option value="provider">Provider</option>
            <option value="org_admin">Clinic administrator</option>
          </select>
        </div>
        {field("epicUser", "Epic user (optional)", { placeholder: "Practitioner/abc123", autoComplete: "off" })}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add member"}</Button>
        <p role="status" className="text-sm text-emerald-700">
          {state?.ok && !pending ? (state.data.createdUser ? "Member added (new account, no password)" : "Member added (existing account)") : ""}
        </p>
        {formError ? <p role="alert" className="text-sm text-destructive">{formError}</p> : null}
      </div>
    </form>
  );
}
