"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
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

  const field = (name: ScreeningTypeFormField) => {
    const messages = problems.fields.get(name);
    return {
      id: name,
      name,
      "aria-invalid": messages ? true : undefined,
      "aria-describedby": cn(messages && `${name}-error`, `${name}-hint`) || undefined,
    };
  };
  const errorOf = (name: ScreeningTypeFormField) =>
    problems.fields.has(name) ? (
      <p id={`${name}-error`} className="text-xs text-destructive">
        {problems.fields.get(name)!.join(" ")}
      </p>
    ) : null;
  const hint = (name: ScreeningTypeFormField, text: string) => (
    <p id={`${name}-hint`} className="text-xs text-muted-foreground">
      {text}
    </p>
  );

  const errorCount = [...problems.fields.values()].reduce((n, list) => n + list.length, 0);

  return (
    <form onSubmit={submit} noValidate className="grid gap-6" aria-label={existing ? "Edit screening type" : "New screening type"}>
      <fieldset disabled={readOnly || pending} className="grid gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Basics</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor="name">Name</Label>
              <Input {...field("name")} defaultValue={values.name} maxLength={200} />
              {hint("name", "As shown on prep sheets.")}
              {errorOf("name")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="key">Key</Label>
              <Input {...field("key")} defaultValue={values.key} readOnly={!!existing} className="font-mono" />
              {hint("key", existing ? "The key identifies this type in results and exports and cannot change." : "Lower-case words joined by hyphens; left empty, it is made from the name.")}
              {errorOf("key")}
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Eligibility</CardTitle>
            <CardDescription>Who this screening applies to. Ages are whole years, inclusive.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor="sex">Sex</Label>
              <select {...field("sex")} defaultValue={values.sex} className={cn(controlClass, "h-9")}>
                <option value="any">Any</option>
                <option value="female">Female</option>
                <option value="male">Male</option>
              </select>
              {hint("sex", "Sex for clinical use, as recorded in Epic.")}
              {errorOf("sex")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="unknownSexRule">When sex is unknown</Label>
              <select {...field("unknownSexRule")} defaultValue={values.unknownSexRule} className={cn(controlClass, "h-9")}>
                <option value="review">Evaluate, and ask a clinician to review</option>
                <option value="include">Evaluate as eligible</option>
                <option value="exclude">Not eligible</option>
              </select>
              {hint("unknownSexRule", "Used only when the type is for one sex.")}
              {errorOf("unknownSexRule")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="minAge">Minimum age</Label>
              <Input {...field("minAge")} type="number" inputMode="numeric" defaultValue={values.minAge} />
              {hint("minAge", "Empty: no lower limit.")}
              {errorOf("minAge")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="maxAge">Maximum age</Label>
              <Input {...field("maxAge")} type="number" inputMode="numeric" defaultValue={values.maxAge} />
              {hint("maxAge", "Empty: no upper limit.")}
              {errorOf("maxAge")}
            </div>
            <div className="grid gap-1.5 sm:col-span-2">
              <Label htmlFor="conditionCodes">Required conditions</Label>
              <textarea {...field("conditionCodes")} defaultValue={values.conditionCodes} rows={4} className={cn(controlClass, "font-mono")} />
              {hint("conditionCodes", "One SYSTEM|code per line (ICD10CM entries are prefixes, e.g. ICD10CM|E11). Empty: everyone in the age and sex range.")}
              {errorOf("conditionCodes")}
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Frequency and timing</CardTitle>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <div className="grid gap-1.5">
              <Label htmlFor="frequencyKind">Repeats</Label>
              <select {...field("frequencyKind")} value={frequencyKind} onChange={(e) => setFrequencyKind(e.target.value)} className={cn(controlClass, "h-9")}>
                <option value="interval">At an interval</option>
                <option value="once">Once in a lifetime</option>
              </select>
              {hint("frequencyKind", "Once: any valid evidence completes it for good.")}
              {errorOf("frequencyKind")}
            </div>
            <div className="grid grid-cols-2 gap-3">
              <div className="grid gap-1.5">
                <Label htmlFor="frequencyValue">Every</Label>
                <Input {...field("frequencyValue")} type="number" step="any" min="0" defaultValue={values.frequencyValue} disabled={frequencyKind === "once"} />
                {hint("frequencyValue", "Fractions allowed.")}
                {errorOf("frequencyValue")}
              </div>
              <div className="grid gap-1.5">
                <Label htmlFor="frequencyUnit">Unit</Label>
                <select {...field("frequencyUnit")} defaultValue={values.frequencyUnit} disabled={frequencyKind === "once"} className={cn(controlClass, "h-9")}>
                  <option value="years">years</option>
                  <option value="months">months</option>
                </select>
                {hint("frequencyUnit", "Years or months.")}
                {errorOf("frequencyUnit")}
              </div>
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="dueSoonDays">Due soon (days before due)</Label>
              <Input {...field("dueSoonDays")} type="number" inputMode="numeric" defaultValue={values.dueSoonDays} />
              {hint("dueSoonDays", "Empty: the clinic's default.")}
              {errorOf("dueSoonDays")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="overdueAfterDays">Overdue (days after due)</Label>
              <Input {...field("overdueAfterDays")} type="number" inputMode="numeric" defaultValue={values.overdueAfterDays} />
              {hint("overdueAfterDays", "Empty: the clinic's default.")}
              {errorOf("overdueAfterDays")}
            </div>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Evidence</CardTitle>
            <CardDescription>What counts as done: coded results and procedures, and words in documents.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <div className="grid gap-1.5">
              <Label htmlFor="concepts">Clinical concepts</Label>
              <select {...field("concepts")} multiple defaultValue={values.concepts.split(",").filter(Boolean)} size={8} className={controlClass}>
                {conceptIds.map((id) => (
                  <option key={id} value={id}>
                    {clinicalConcepts[id].name}
                  </option>
                ))}
              </select>
              {hint("concepts", "Shared code lists: the quality measures' value sets plus how EHRs also record the test. Ctrl- or Cmd-click to pick several; the codes below add to them.")}
              {errorOf("concepts")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="evidenceCodes">Additional codes</Label>
              <textarea {...field("evidenceCodes")} defaultValue={values.evidenceCodes} rows={8} className={cn(controlClass, "font-mono")} />
              {hint("evidenceCodes", "One SYSTEM|code per line; systems: LOINC, SNOMED, CPT, HCPCS, CVX, ICD10CM.")}
              {errorOf("evidenceCodes")}
            </div>
            <div className="grid gap-1.5">
              <Label htmlFor="keywords">Keywords</Label>
              <textarea {...field("keywords")} defaultValue={values.keywords} rows={5} className={controlClass} />
              {hint("keywords", "One per line: term, then optional synonyms after a colon (colonoscopy: colonoscopic exam, lower endoscopy).")}
              {errorOf("keywords")}
            </div>
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
