"use client";
import type { ClinicSettings } from "@/lib/screening/clinic-settings";
import { saveScreeningTimingAction } from "../actions";
import { NumberField, SettingsForm } from "../_components/settings-form";

export function ScreeningTimingForm({ orgSlug, settings, readOnly }: { orgSlug: string; settings: ClinicSettings; readOnly: boolean }) {
  return (
    <SettingsForm action={saveScreeningTimingAction} orgSlug={orgSlug} readOnly={readOnly}>
      <div className="grid gap-4 sm:grid-cols-3">
        <NumberField name="dueSoonDays" label="Due soon (days before due)" defaultValue={settings.dueSoonDays} min={0} max={730} hint="0–730 days; default 30." />
        <NumberField name="overdueAfterDays" label="Overdue (days after due)" defaultValue={settings.overdueAfterDays} min={0} max={3650} hint="0–3650 days; default 90." />
        <NumberField
          name="minDocumentConfidence"
          label="Minimum OCR confidence"
          defaultValue={settings.minDocumentConfidence}
          min={0}
          max={1}
          step="any"
          hint="0 to 1; default 0.8. Scanned documents read with less confidence go to review, never count as proof."
        />
      </div>
      {Object.keys(settings.typeOverrides).length > 0 ? (
        <p className="text-sm text-muted-foreground">
          {Object.keys(settings.typeOverrides).length} screening type(s) have their own timing override; those are kept as they are.
        </p>
      ) : null}
    </SettingsForm>
  );
}
