"use client";
import type { ClinicSettingsStore } from "@/lib/organizations/clinic-settings-store";
import { saveSyncSettingsAction } from "../actions";
import { NumberField, SettingsForm } from "../_components/settings-form";

export function SyncSettingsForm({ orgSlug, settings, readOnly }: { orgSlug: string; settings: ClinicSettingsStore["sync"]; readOnly: boolean }) {
  return (
    <SettingsForm action={saveSyncSettingsAction} orgSlug={orgSlug} readOnly={readOnly}>
      <NumberField
        name="patientConcurrency"
        label="Patients pulled from Epic at once"
        defaultValue={settings.patientConcurrency}
        min={1}
        max={16}
        hint="1–16; default 4. Higher prepares a full day sooner but puts more load on your Epic at once; lower it if Epic answers “too many requests”."
      />
    </SettingsForm>
  );
}
