"use client";
import { createContext, useContext, useId } from "react";
import { FormField } from "@/app/_components/form-field";
import { useKeptFormAction } from "@/app/_components/use-kept-form-action";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/http/org-action";
import { readActionProblems } from "@/lib/http/read-action-problems";
import { cn } from "@/lib/utils";

export type SaveSettingsAction = (state: unknown, form: FormData) => Promise<ActionResult<unknown>>;
type FieldErrors = ReadonlyMap<string, readonly string[]>;

const FormContext = createContext<{ errors: FieldErrors }>({ errors: new Map() });

/** The problems of a field, or of the setting it belongs to (a window's kind error is reported on the window). */
function errorFor(errors: FieldErrors, name: string): string | undefined {
  return (errors.get(name) ?? (name.endsWith(".kind") ? errors.get(name.slice(0, -".kind".length)) : undefined))?.join(" ");
}

/**
 * A settings section form. The fields keep what was typed after a refusal and show why it was refused
 * (useKeptFormAction). Read-only for people without settings.manage.
 */
export function SettingsForm({ action, orgSlug, readOnly, children }: { action: SaveSettingsAction; orgSlug: string; readOnly: boolean; children: React.ReactNode }) {
  const [state, onSubmit, pending] = useKeptFormAction<ActionResult<unknown> | null>(action, null);
  const { fields: errors, form: formError } = readActionProblems(state);
  return (
    <FormContext.Provider value={{ errors }}>
      <form noValidate className="grid gap-6" onSubmit={onSubmit}>
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
            {state && !state.ok ? <p role="alert" className="text-sm text-destructive">{formError ?? "Not saved: correct the marked fields."}</p> : null}
          </div>
        )}
      </form>
    </FormContext.Provider>
  );
}

/** A settings field: its id, and its problem from the last save (a list's line errors are shown on the list). */
function useSettingsField(name: string, ofLines = false) {
  const { errors } = useContext(FormContext);
  const id = useId();
  const error = errorFor(errors, name) ?? (ofLines ? [...errors].find(([path]) => path.startsWith(`${name}.`))?.[1].join(" ") : undefined);
  return { id, error };
}

type NumberFieldProps = { name: string; label: string; defaultValue: number; min?: number; max?: number; step?: number | "any"; hint?: string; className?: string };

export function NumberField(props: NumberFieldProps) {
  const f = useSettingsField(props.name);
  return (
    <FormField id={f.id} label={props.label} hint={props.hint} error={f.error} className={props.className}>
      {(control) => (
        <Input
          {...control}
          name={props.name}
          type="number"
          inputMode={props.step === "any" ? "decimal" : "numeric"}
          defaultValue={props.defaultValue}
          min={props.min}
          max={props.max}
          step={props.step ?? 1}
          className="max-w-40"
        />
      )}
    </FormField>
  );
}

export type NumberFieldSpec = Omit<NumberFieldProps, "defaultValue" | "className">;

/** A section's number settings from a table: one field per entry, its value read from `values`. */
export function NumberFields({ fields, values, className }: { fields: readonly NumberFieldSpec[]; values: Readonly<Record<string, unknown>>; className?: string }) {
  return (
    <div className={cn("grid gap-4", className)}>
      {fields.map((spec) => <NumberField key={spec.name} {...spec} defaultValue={Number(values[spec.name])} />)}
    </div>
  );
}

export function TextField(props: { name: string; label: string; defaultValue: string; hint?: string; placeholder?: string }) {
  const f = useSettingsField(props.name);
  return (
    <FormField id={f.id} label={props.label} hint={props.hint} error={f.error}>
      {(control) => <Input {...control} name={props.name} defaultValue={props.defaultValue} placeholder={props.placeholder} />}
    </FormField>
  );
}

export function CheckboxField(props: { name: string; label: string; defaultChecked: boolean; hint?: string }) {
  const f = useSettingsField(props.name);
  const describedBy = [props.hint && `${f.id}-hint`, f.error && `${f.id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="grid gap-1">
      <div className="flex items-center gap-2">
        <input id={f.id} name={props.name} type="checkbox" defaultChecked={props.defaultChecked} className="size-4 accent-primary" aria-describedby={describedBy} />
        <Label htmlFor={f.id}>{props.label}</Label>
      </div>
      {props.hint ? <p id={`${f.id}-hint`} className="pl-6 text-xs text-muted-foreground">{props.hint}</p> : null}
      {f.error ? <p id={`${f.id}-error`} className="text-xs text-destructive">{f.error}</p> : null}
    </div>
  );
}

export function SelectField(props: { name: string; label: string; defaultValue: string; options: ReadonlyArray<{ value: string; label: string }>; hint?: string; onChange?: (value: string) => void }) {
  const f = useSettingsField(props.name);
  return (
    <FormField id={f.id} label={props.label} hint={props.hint} error={f.error}>
      {(control) => (
        <select
          {...control}
          name={props.name}
          defaultValue={props.defaultValue}
          onChange={(e) => props.onChange?.(e.target.value)}
          className="h-9 max-w-64 rounded-md border border-input bg-background px-2 text-sm aria-invalid:border-destructive"
        >
          {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </FormField>
  );
}

export function TextAreaField(props: { name: string; label: string; defaultValue: string; rows?: number; hint?: string }) {
  // A line's error arrives as checklist.<n>; it is shown on the whole list.
  const f = useSettingsField(props.name, true);
  return (
    <FormField id={f.id} label={props.label} hint={props.hint} error={f.error}>
      {(control) => (
        <textarea
          {...control}
          name={props.name}
          rows={props.rows ?? 6}
          defaultValue={props.defaultValue}
          className="rounded-md border border-input bg-background px-3 py-2 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring disabled:cursor-not-allowed disabled:opacity-50 aria-invalid:border-destructive"
        />
      )}
    </FormField>
  );
}
