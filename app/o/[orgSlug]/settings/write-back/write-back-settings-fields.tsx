"use client";
import { useState } from "react";
import type { WriteBackSettings } from "@/lib/writeback/write-back-settings";
import { CheckboxField, NumberField, SelectField, TextField } from "../_components/settings-form";

const docStatusOptions = [
  { value: "preliminary", label: "Preliminary (the provider signs it in Epic)" },
  { value: "final", label: "Final" },
];
const noteTypeOptions = [
  { value: "default", label: "Progress note (LOINC 11506-3)" },
  { value: "custom", label: "Another note type" },
];

/** The write-back section's fields; the note type's code fields show only for another note type. */
export function WriteBackSettingsFields({ settings }: { settings: WriteBackSettings }) {
  const [mode, setMode] = useState(settings.noteType ? "custom" : "default");
  return (
    <>
      <CheckboxField
        name="dryRun"
        label="Dry run"
        defaultChecked={settings.dryRun}
        hint="Decide and audit each write-back but send nothing to Epic. Useful while checking a new connection."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField name="dailyCap" label="Notes per patient per day" defaultValue={settings.dailyCap} min={1} max={100} hint="1–100; default 10. Protects a chart from repeated notes." />
        <SelectField name="docStatus" label="Note status" defaultValue={settings.docStatus} options={docStatusOptions} />
      </div>
      <fieldset className="grid gap-4 rounded-md border p-3">
        <legend className="px-1 text-sm font-medium">Note type</legend>
        <SelectField name="noteType.mode" label="Type" defaultValue={mode} options={noteTypeOptions} onChange={setMode} />
        {mode === "custom" ? (
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField name="noteType.code" label="Code" defaultValue={settings.noteType?.code ?? ""} placeholder="11506-3" />
            <TextField name="noteType.system" label="Code system" defaultValue={settings.noteType?.system ?? "http://loinc.org"} />
            <TextField name="noteType.display" label="Display (optional)" defaultValue={settings.noteType?.display ?? ""} />
          </div>
        ) : null}
      </fieldset>
    </>
  );
}
