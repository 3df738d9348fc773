"use client";
import { useActionState } from "react";
import { FormField } from "@/app/_components/form-field";
import { useKeptFormAction } from "@/app/_components/use-kept-form-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { readActionProblems } from "@/lib/http/read-action-problems";
import { configureEhrConnectionAction, testEhrConnectionAction } from "./actions";

type Connection = {
  fhirBaseUrl: string;
  clientId: string;
  clientAuthMethod: string;
  scopes: string;
  environment: string;
  backendClientId: string | null;
  hasClientSecret: boolean;
} | null;

type SaveState = Awaited<ReturnType<typeof configureEhrConnectionAction>> | null;
type TestState = Awaited<ReturnType<typeof testEhrConnectionAction>> | null;

// w-full min-w-0: a long option must not widen its grid column past the card at tablet width.
const selectClass = "h-9 w-full min-w-0 rounded-md border border-input bg-background px-2 text-sm";

export function EpicConnectionForm({ orgSlug, connection, defaultScopes }: { orgSlug: string; connection: Connection; defaultScopes: string }) {
  const [saved, submit, saving] = useKeptFormAction<SaveState>(configureEhrConnectionAction, null);
  const [tested, test, testing] = useActionState<TestState, FormData>(testEhrConnectionAction, null);
  const { fields: errors } = readActionProblems(saved);
  const field = (name: string) => ({ name, error: errors.get(name)?.join(" ") });
  return (
    <div className="grid gap-6">
      <form onSubmit={submit} className="grid gap-4 sm:grid-cols-2" noValidate>
        <input type="hidden" name="orgSlug" value={orgSlug} />
        <Field label="FHIR base URL (iss)" {...field("fhirBaseUrl")} defaultValue={connection?.fhirBaseUrl} placeholder="https://fhir.example.org/interconnect-fhir-oauth/api/FHIR/R4" wide />
        <Field label="Client ID" {...field("clientId")} defaultValue={connection?.clientId} />
        <div className="grid gap-1.5">
          <Label htmlFor="clientAuthMethod">Client authentication</Label>
          <select id="clientAuthMethod" name="clientAuthMethod" className={selectClass} defaultValue={connection?.clientAuthMethod ?? "client_secret_basic"}>
            <option value="client_secret_basic">Client secret (HTTP Basic)</option>
            <option value="client_secret_post">Client secret (form post)</option>
            <option value="none">Public client (no secret, no refresh)</option>
          </select>
        </div>
        <Field
          label={connection?.hasClientSecret ? "Client secret (stored; leave empty to keep)" : "Client secret"}
          {...field("clientSecret")}
          type="password"
          autoComplete="off"
        />
        <div className="grid gap-1.5">
          <Label htmlFor="environment">Environment</Label>
          <select id="environment" name="environment" className={selectClass} defaultValue={connection?.environment ?? "non_production"}>
            <option value="non_production">Non-production</option>
            <option value="production">Production</option>
          </select>
        </div>
        <Field label="Scopes" {...field("scopes")} defaultValue={connection?.scopes ?? defaultScopes} wide />
        <Field label="Backend Services client ID (optional)" {...field("backendClientId")} defaultValue={connection?.backendClientId ?? ""} />
        <div className="flex items-center gap-3 sm:col-span-2">
          <Button type="submit" disabled={saving}>Save connection</Button>
          {saved?.ok ? <span className="text-sm text-emerald-700">Saved</span> : null}
          {saved && !saved.ok ? <span role="alert" className="text-sm text-destructive" data-testid="epic-form-error">{saved.error.message}</span> : null}
        </div>
      </form>
      {connection ? (
        <form action={test} className="grid gap-3">
          <input type="hidden" name="orgSlug" value={orgSlug} />
          <div>
            <Button type="submit" variant="outline" disabled={testing}>{testing ? "Testing…" : "Test connection"}</Button>
          </div>
          {tested?.ok ? (
            <ul className="grid gap-1 text-sm" data-testid="connection-checks">
              {tested.data.checks.map((c) => (
                <li key={c.name} className={c.ok ? "text-emerald-800" : "text-destructive"}>
                  {c.ok ? "✓" : "✗"} {c.name}: <span className="text-muted-foreground">{c.detail}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {tested && !tested.ok ? <p role="alert" className="text-sm text-destructive">{tested.error.message}</p> : null}
        </form>
      ) : null}
    </div>
  );
}

function Field(props: { label: string; name: string; error?: string | undefined; defaultValue?: string; placeholder?: string; type?: string; autoComplete?: string; wide?: boolean }) {
  return (
    <FormField id={props.name} label={props.label} error={props.error} className={props.wide ? "sm:col-span-2" : undefined}>
      {(control) => <Input {...control} name={props.name} type={props.type} defaultValue={props.defaultValue} placeholder={props.placeholder} autoComplete={props.autoComplete} />}
    </FormField>
  );
}
