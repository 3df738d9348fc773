"use client";
import { useState } from "react";
import type { PrepSheetSettings, WindowCategory, WindowSetting } from "@/lib/prep-sheet/prep-sheet-settings";
import { numberSettings } from "../_components/number-settings";
import { CheckboxField, NumberField, NumberFields, SelectField, TextAreaField } from "../_components/settings-form";

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

/** The prep-sheet section's fields: a window per section of the sheet, then what the sheet shows. */
export function PrepSheetSettingsFields({ settings }: { settings: PrepSheetSettings }) {
  return (
    <>
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
        <NumberFields values={settings} fields={numberSettings.prepSheet} className="sm:grid-cols-2" />
        <TextAreaField
          name="checklist"
          label="Visit checklist"
          defaultValue={settings.checklist.join("\n")}
          rows={7}
          hint="One item per line, up to 30 lines of 200 characters. Empty lines are ignored."
        />
      </section>
    </>
  );
}
