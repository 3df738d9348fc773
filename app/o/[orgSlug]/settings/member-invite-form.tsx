"use client";
import { FormField } from "@/app/_components/form-field";
import { useKeptFormAction } from "@/app/_components/use-kept-form-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { readActionProblems } from "@/lib/http/read-action-problems";
import { inviteMemberAction } from "./actions";

type State = Awaited<ReturnType<typeof inviteMemberAction>> | null;

/** Adds a person to the clinic; the fields keep their values after a refusal and clear after success. */
export function MemberInviteForm({ orgSlug }: { orgSlug: string }) {
  const [state, onSubmit, pending] = useKeptFormAction<State>(inviteMemberAction, null, { resetWhen: (result) => result?.ok === true });
  const { fields: issues, form: formError } = readActionProblems(state, (path) => (["email", "name", "epicUser"].includes(path) ? path : undefined));
  const field = (name: string, label: string, props: React.ComponentProps<typeof Input> = {}) => (
    <FormField id={`invite-${name}`} label={label} error={issues.get(name)?.join(" ")}>
      {(control) => <Input {...control} name={name} {...props} />}
    </FormField>
  );
  return (
    <form noValidate className="grid gap-4" onSubmit={onSubmit}>
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
