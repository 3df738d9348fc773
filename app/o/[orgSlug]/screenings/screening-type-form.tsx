"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormField, type FieldControlProps } from "@/app/_components/form-field";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { readActionProblems, type ActionProblems } from "@/lib/http/read-action-problems";
import { clinicalConcepts, conceptIds } from "@/lib/screening/concepts/clinical-concepts";
import type { ScreeningTypeFormField, ScreeningTypeFormValues } from "@/lib/screening-data/screening-type-form";
import { cn } from "@/lib/utils";
import { createScreeningTypeAction, editScreeningTypeAction } from "./actions";

type Props = {
  orgSlug: string;
  values: ScreeningTypeFormValues;
  readOnly: boolean;
  existing: { id: string; version: number } | null;
};

const controlClass =
  "w-full rounded-md border border-input bg-background px-3 py-1.5 text-sm shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive disabled:cursor-not-allowed disabled:bg-muted";

// Each field keeps its name as its id, so its error and hint are #name-error and #name-hint.
function EditorField(props: {
  name: ScreeningTypeFormField;
  label: string;
  hint: string;
  error: string | undefined;
  className?: string;
  children: (control: FieldControlProps & { name: string }) => React.ReactNode;
}) {
  return (
    <FormField id={props.name} label={props.label} hint={props.hint} error={props.error} className={props.className}>
      {(control) => props.children({ ...control, name: props.name })}
    </FormField>
  );
}

export function ScreeningTypeForm({ orgSlug, values, readOnly, existing }: Props) {
  // An issue on a.b belongs to field a; one on no field of this form is said above the buttons.
  const fieldOfPath = (path: string) => {
    const first = path.split(".")[0] ?? "";
    return first in values ? first : undefined;
  };
  const router = useRouter();
  const [problems, setProblems] = useState<ActionProblems>(() => readActionProblems(null));
  const [status, setStatus] = useState<string | null>(null);
  const [version, setVersion] = useState(existing?.version ?? 1);
  const [frequencyKind, setFrequencyKind] = useState(values.frequencyKind);
  const [pending, startTransition] = useTransition();

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    // Submitted by hand rather than through <form action>, which would reset the fields on every answer.
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      setStatus(null);
      const input = { ...(Object.fromEntries(formData) as Record<string, string>), concepts: formData.getAll("concepts").join(",") };
      const result = existing
        ? await editScreeningTypeAction({ ...input, orgSlug, screeningTypeId: existing.id, version })
        : await createScreeningTypeAction({ ...input, orgSlug });
      setProblems(readActionProblems(result, fieldOfPath));
      if (!result.ok) return;
      if (!existing) {
        router.push(`/o/${orgSlug}/screenings/${result.data.id}?created=1`);
        return;
      }
      setVersion(result.data.version);
      setStatus(result.data.version === version ? "No changes to save." : `Saved as version ${result.data.version}.`);
      router.refresh();
    });
  };

  const errorOf = (name: ScreeningTypeFormField) => problems.fields.get(name)?.join(" ");

  const errorCount = [...problems.fields.values()].reduce((n, list) => n + list.length, 0);

  return (
    <form onSubmit={submit} noValidate className="grid gap-6" aria-label={existing ? "Edit screening type" : "New screening type"}>
      <fieldset disabled={readOnly || pending} className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Basics</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <EditorField name="name" label="Name" hint="As shown on prep sheets." error={errorOf("name")}>
              {(control) => <Input {...control} defaultValue={values.name} maxLength={200} />}
            </EditorField>
            <EditorField
              name="key"
              label="Key"
              hint={existing ? "The key identifies this type in results and exports and cannot change." : "Lower-case words joined by hyphens; left empty, it is made from the name."}
              error={errorOf("key")}
            >
              {(control) => <Input {...control} defaultValue={values.key} readOnly={!!existing} className="font-mono" />}
            </EditorField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Eligibility</CardTitle>
            <CardDescription>Who this screening applies to. Ages are whole years, inclusive.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <EditorField name="sex" label="Sex" hint="Sex for clinical use, as recorded in Epic." error={errorOf("sex")}>
              {(control) => (
                <select {...control} defaultValue={values.sex} className={cn(controlClass, "h-9")}>
                  <option value="any">Any</option>
                  <option value="female">Female</option>
                  <option value="male">Male</option>
                </select>
              )}
            </EditorField>
            <EditorField name="unknownSexRule" label="When sex is unknown" hint="Used only when the type is for one sex." error={errorOf("unknownSexRule")}>
              {(control) => (
                <select {...control} defaultValue={values.unknownSexRule} className={cn(controlClass, "h-9")}>
                  <option value="review">Evaluate, and ask a clinician to review</option>
                  <option value="include">Evaluate as eligible</option>
                  <option value="exclude">Not eligible</option>
                </select>
              )}
            </EditorField>
            <EditorField name="minAge" label="Minimum age" hint="Empty: no lower limit." error={errorOf("minAge")}>
              {(control) => <Input {...control} type="number" inputMode="numeric" defaultValue={values.minAge} />}
            </EditorField>
            <EditorField name="maxAge" label="Maximum age" hint="Empty: no upper limit." error={errorOf("maxAge")}>
              {(control) => <Input {...control} type="number" inputMode="numeric" defaultValue={values.maxAge} />}
            </EditorField>
            <EditorField name="conditionCodes" label="Required conditions" hint="One SYSTEM|code per line (ICD10CM entries are prefixes, e.g. ICD10CM|E11). Empty: everyone in the age and sex range." className="sm:col-span-2" error={errorOf("conditionCodes")}>
              {(control) => <textarea {...control} defaultValue={values.conditionCodes} rows={4} className={cn(controlClass, "font-mono")} />}
            </EditorField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Frequency and timing</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <EditorField name="frequencyKind" label="Repeats" hint="Once: any valid evidence completes it for good." error={errorOf("frequencyKind")}>
              {(control) => (
                <select {...control} value={frequencyKind} onChange={(e) => setFrequencyKind(e.target.value)} className={cn(controlClass, "h-9")}>
                  <option value="interval">At an interval</option>
                  <option value="once">Once in a lifetime</option>
                </select>
              )}
            </EditorField>
            <div className="grid grid-cols-2 gap-3">
              <EditorField name="frequencyValue" label="Every" hint="Fractions allowed." error={errorOf("frequencyValue")}>
                {(control) => <Input {...control} type="number" step="any" min="0" defaultValue={values.frequencyValue} disabled={frequencyKind === "once"} />}
              </EditorField>
              <EditorField name="frequencyUnit" label="Unit" hint="Years or months." error={errorOf("frequencyUnit")}>
                {(control) => (
                  <select {...control} defaultValue={values.frequencyUnit} disabled={frequencyKind === "once"} className={cn(controlClass, "h-9")}>
                    <option value="years">years</option>
                    <option value="months">months</option>
                  </select>
                )}
              </EditorField>
            </div>
            <EditorField name="dueSoonDays" label="Due soon (days before due)" hint="Empty: the clinic's default." error={errorOf("dueSoonDays")}>
              {(control) => <Input {...control} type="number" inputMode="numeric" defaultValue={values.dueSoonDays} />}
            </EditorField>
            <EditorField name="overdueAfterDays" label="Overdue (days after due)" hint="Empty: the clinic's default." error={errorOf("overdueAfterDays")}>
              {(control) => <Input {...control} type="number" inputMode="numeric" defaultValue={values.overdueAfterDays} />}
            </EditorField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Evidence</CardTitle>
            <CardDescription>What counts as done: coded results and procedures, and words in documents.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <EditorField name="concepts" label="Clinical concepts" hint="Shared code lists: the quality measures' value sets plus how EHRs also record the test. Ctrl- or Cmd-click to pick several; the codes below add to them." error={errorOf("concepts")}>
              {(control) => (
                <select {...control} multiple defaultValue={values.concepts.split(",").filter(Boolean)} size={8} className={controlClass}>
                  {conceptIds.map((id) => (
                    <option key={id} value={id}>
                      {clinicalConcepts[id].name}
                    </option>
                  ))}
                </select>
              )}
            </EditorField>
            <EditorField name="evidenceCodes" label="Additional codes" hint="One SYSTEM|code per line; systems: LOINC, SNOMED, CPT, HCPCS, CVX, ICD10CM." error={errorOf("evidenceCodes")}>
              {(control) => <textarea {...control} defaultValue={values.evidenceCodes} rows={8} className={cn(controlClass, "font-mono")} />}
            </EditorField>
            <EditorField name="keywords" label="Keywords" hint="One per line: term, then optional synonyms after a colon (colonoscopy: colonoscopic exam, lower endoscopy)." error={errorOf("keywords")}>
              {(control) => <textarea {...control} defaultValue={values.keywords} rows={5} className={controlClass} />}
            </EditorField>
          </CardContent>
        </Card>
      </fieldset>

      {problems.form ? (
        <p role="alert" className="text-sm text-destructive">
          {problems.form}
        </p>
      ) : null}
      {errorCount > 0 && !problems.form ? (
        <p role="alert" className="text-sm text-destructive">
          {errorCount === 1 ? "Fix the problem shown under its field." : `Fix the ${errorCount} problems shown under their fields.`}
        </p>
      ) : null}
      {readOnly ? null : (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>
            {existing ? "Save changes" : "Create screening type"}
          </Button>
          <p role="status" className="text-sm text-emerald-800">
            {status}
          </p>
        </div>
      )}
    </form>
  );
}
