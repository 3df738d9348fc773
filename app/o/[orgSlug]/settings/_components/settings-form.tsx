"use client";
import { createContext, startTransition, useActionState, useContext, useId } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/http/org-action";
import { readActionProblems } from "@/lib/http/read-action-problems";
import { cn } from "@/lib/utils";

type SaveAction = (state: unknown, form: FormData) => Promise<ActionResult<unknown>>;
type FieldErrors = ReadonlyMap<string, readonly string[]>;

const FormContext = createContext<{ errors: FieldErrors; readOnly: boolean }>({ errors: new Map(), readOnly: false });

/** The first error for a field, or for a setting it belongs to (a window's kind error is reported on the window). */
function errorFor(errors: FieldErrors, name: string): string | undefined {
  return (errors.get(name) ?? (name.endsWith(".kind") ? errors.get(name.slice(0, -".kind".length)) : undefined))?.join(" ");
}

/**
 * A settings section form. Submitted by hand (not via <form action>) so React does not reset the
 * fields after an error: the field keeps what was typed and shows why it was refused. Read-only for
 * people without settings.manage.
 */
export function SettingsForm({ action, orgSlug, readOnly, children }: { action: SaveAction; orgSlug: string; readOnly: boolean; children: React.ReactNode }) {
  const [state, dispatch, pending] = useActionState<ActionResult<unknown> | null, FormData>(action, null);
  const { fields: errors, form: formError } = readActionProblems(state);
  return (
    <FormContext.Provider value={{ errors, readOnly }}>
      <form
        noValidate
        className="grid gap-6"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => dispatch(data));
        }}
      >
        <input type="hidden" name="orgSlug" value={orgSlug} />
        <fieldset disabled={readOnly} className="grid gap-6">
          {children}
        </fieldset>
        {readOnly ? (
          <p className="text-sm text-muted-foreground">Only clinic administrators can change these settings.</p>
        ) : (
          <div className="flex flex-wrap items-center gap-3">
            <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save"}</Button>
            <p role="status" className="text-sm text-emerald-700">{state?.ok && !pending ? "Settings saved" : ""}</p>
            {state && !state.ok ? (
              <p role="alert" className="text-sm text-destructive">
                {formError ?? "Not saved: correct the marked fields."}
              </p>
            ) : null}
          </div>
        )}
      </form>
    </FormContext.Provider>
  );
}

function useField(name: string) {
  const { errors, readOnly } = useContext(FormContext);
  const id = useId();
  const error = errorFor(errors, name);
  return { id, error, readOnly, errorId: `${id}-error`, hintId: `${id}-hint` };
}

function describedBy(...ids: Array<string | false | undefined>) {
  const list = ids.filter(Boolean).join(" ");
  return list || undefined;
}

export function FieldMessage({ id, error }: { id: string; error: string | undefined }) {
  return error ? <p id={id} className="text-xs text-destructive">{error}</p> : null;
}

export function NumberField(props: {
  name: string; label: string; defaultValue: number; min?: number; max?: number; step?: number | "any"; hint?: string; className?: string;
}) {
  const f = useField(props.name);
  return (
    <div className={cn("grid content-start gap-1.5", props.className)}>
      <Label htmlFor={f.id}>{props.label}</Label>
      <Input
        id={f.id}
        name={props.name}
        type="number"
        inputMode={props.step === "any" ? "decimal" : "numeric"}
        defaultValue={props.defaultValue}
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        aria-invalid={f.error ? true : undefined}
        aria-describedby={describedBy(props.hint && f.hintId, f.error && f.errorId)}
        className="max-w-40"
      />
      {props.hint ? <p id={f.hintId} className="text-xs text-muted-foreground">{props.hint}</p> : null}
      <FieldMessage id={f.errorId} error={f.error} />
    </div>
  );
}

export function TextField(props: { name: string; label: string; defaultValue: string; hint?: string; placeholder?: string }) {
  const f = useField(props.name);
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={f.id}>{props.label}</Label>
      <Input
        id={f.id}
        name={props.name}
        defaultValue={props.defaultValue}
        placeholder={props.placeholder}
        aria-invalid={f.error ? true : undefined}
        aria-describedby={describedBy(props.hint && f.hintId, f.error && f.errorId)}
      />
      {props.hint ? <p id={f.hintId} className="text-xs text-muted-foreground">{props.hint}</p> : null}
      <FieldMessage id={f.errorId} error={f.error} />
    </div>
  );
}

export function CheckboxField(props: { name: string; label: string; defaultChecked: boolean; hint?: string }) {
  const f = useField(props.name);
  return (
    <div className="grid gap-1">
      <div className="flex items-center gap-2">
        <input
          id={f.id}
          name={props.name}
          type="checkbox"
          defaultChecked={props.defaultChecked}
          className="size-4 accent-primary"
          aria-describedby={describedBy(props.hint && f.hintId, f.error && f.errorId)}
        />
        <Label htmlFor={f.id}>{props.label}</Label>
      </div>
      {props.hint ? <p id={f.hintId} className="pl-6 text-xs text-muted-foreground">{props.hint}</p> : null}
      <FieldMessage id={f.errorId} error={f.error} />
    </div>
  );
}

export function SelectField(props: { name: string; label: string; defaultValue: string; options: ReadonlyArray<{ value: string; label: string }>; hint?: string; onChange?: (value: string) => void }) {
  const f = useField(props.name);
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={f.id}>{props.label}</Label>
      <select
        id={f.id}
        name={props.name}
        defaultValue={props.defaultValue}
        onChange={(e) => props.onChange?.(e.target.value)}
        aria-invalid={f.error ? true : undefined}
        aria-describedby={describedBy(props.hint && f.hintId, f.error && f.errorId)}
        className="h-9 max-w-64 rounded-md border border-input bg-background px-2 text-sm aria-invalid:border-destructive"
      >
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {props.hint ? <p id={f.hintId} className="text-xs text-muted-foreground">{props.hint}</p> : null}
      <FieldMessage id={f.errorId} error={f.error} />
    </div>
  );
}

export function TextAreaField(props: { name: string; label: string; defaultValue: string; rows?: number; hint?: string }) {
  const f = useField(props.name);
  // A line's error arrives as checklist.<n>; it is shown on the whole list.
  const { errors } = useContext(FormContext);
  const error = f.error ?? [...errors].find(([path]) => path.startsWith(`${props.name}.`))?.[1].join(" ");
  return (
    <div className="grid content-start gap-1.5">
      <Label htmlFor={f.id}>{props.label}</Label>
      <textarea
        id={f.id}
        name={props.name}
        rows={props.rows ?? 6}
        defaultValue={props.defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(props.hint && f.hintId, error && f.errorId)}
        className="rounded-md border border-input bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive"
      />
      {props.hint ? <p id={f.hintId} className="text-xs text-muted-foreground">{props.hint}</p> : null}
      <FieldMessage id={f.errorId} error={error} />
    </div>
  );
}
