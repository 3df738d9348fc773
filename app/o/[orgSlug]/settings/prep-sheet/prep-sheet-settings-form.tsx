"use client";
import { useState } from "react";
import type { PrepSheetSettings, WindowCategory, WindowSetting } from "@/lib/prep-sheet/prep-sheet-settings";
import { savePrepSheetSettingsAction } from "../actions";
import { CheckboxField, NumberField, SelectField, SettingsForm, TextAreaField } from "../_components/settings-form";

const categoryLabels: Record<WindowCategory, string> = {
  labs: "Labs",
  imaging: "Imaging",
  consults: "Consults",
  hospital: "Hospital stays",
  immunizations: "Immunizations",
};

const kindOptions = [
  { value: "months", label: "Last N months" },
  { value: "since_last_visit", label: "Since the last visit" },
];

function WindowRow({ category, setting }: { category: WindowCategory; setting: WindowSetting }) {
  const [kind, setKind] = useState(setting.kind);
  const name = `windows.${category}`;
  return (
    <fieldset className="grid gap-3 rounded-md border p-3 sm:grid-cols-2">
      <legend className="px-1 text-sm font-medium">{categoryLabels[category]}</legend>
      <SelectField name={`${name}.kind`} label="Window" defaultValue={setting.kind} options={kindOptions} onChange={(v) => setKind(v as WindowSetting["kind"])} />
      {kind === "months" ? (
        <NumberField key="months" name={`${name}.months`} label="Months" defaultValue={setting.kind === "months" ? setting.months : 12} min={1} max={120} />
      ) : (
        <NumberField
          key="fallback"
          name={`${name}.fallbackMonths`}
          label="Months when there is no prior visit"
          defaultValue={setting.kind === "since_last_visit" ? setting.fallbackMonths : 6}
          min={1}
          max={120}
          hint="New patients have no completed visit to count from."
        />
      )}
    </fieldset>
  );
}

export function PrepSheetSettingsForm({ orgSlug, settings, readOnly }: { orgSlug: string; settings: PrepSheetSettings; readOnly: boolean }) {
  return (
    <SettingsForm action={savePrepSheetSettingsAction} orgSlug={orgSlug} readOnly={readOnly}>
      <section aria-labelledby="windows-heading" className="grid gap-3">
        <h2 id="windows-heading" className="text-base font-semibold">Data windows</h2>
        <p className="text-sm text-muted-foreground">How far back each section of the sheet looks.</p>
        <div className="grid gap-3 lg:grid-cols-2">
          {(Object.keys(categoryLabels) as WindowCategory[]).map((c) => <WindowRow key={c} category={c} setting={settings.windows[c]} />)}
        </div>
      </section>
      <section aria-labelledby="content-heading" className="grid gap-4">
        <h2 id="content-heading" className="text-base font-semibold">Content</h2>
        <CheckboxField
          name="showMrn"
          label="Show the MRN in the header"
          defaultChecked={settings.showMrn}
          hint="Off by default: printed sheets and notes filed in Epic then carry no medical record number."
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <NumberField name="maxEvidencePerScreening" label="Evidence items per screening" defaultValue={settings.maxEvidencePerScreening} min={1} max={20} hint="The rest are counted, not listed (1–20)." />
          <NumberField name="notesLines" label="Blank lines for notes" defaultValue={settings.notesLines} min={0} max={40} hint="0–40; 0 leaves out the notes area." />
        </div>
        <TextAreaField
          name="checklist"
          label="Visit checklist"
          defaultValue={settings.checklist.join("\n")}
          rows={7}
          hint="One item per line, up to 30 lines of 200 characters. Empty lines are ignored."
        />
      </section>
    </SettingsForm>
  );
}
