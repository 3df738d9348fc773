"use client";
import type { ClinicSettingsStore } from "@/lib/organizations/clinic-settings-store";
import { saveSessionSettingsAction } from "../actions";
import { NumberField, SettingsForm } from "../_components/settings-form";

export function SessionSettingsForm({ orgSlug, settings, readOnly }: { orgSlug: string; settings: ClinicSettingsStore["sessions"]; readOnly: boolean }) {
  return (
    <SettingsForm action={saveSessionSettingsAction} orgSlug={orgSlug} readOnly={readOnly}>
      <div className="grid gap-4 sm:grid-cols-2">
        <NumberField
          name="sessionIdleMinutes"
          label="Sign out after inactivity (minutes)"
          defaultValue={settings.sessionIdleMinutes}
          min={5}
          max={240}
          hint="5–240 minutes; default 30. A session unused this long ends."
        />
        <NumberField
          name="sessionAbsoluteHours"
          label="Sign out after (hours), however active"
          defaultValue={settings.sessionAbsoluteHours}
          min={1}
          max={12}
          hint="1–12 hours; default 12, which is also how long the sign-in cookie lives, so longer is not possible."
        />
      </div>
      <p className="text-sm text-muted-foreground">
        Sessions belong to a person, not a clinic: someone who works in several clinics gets the strictest of their clinics&apos; timeouts.
        Changes apply on each person&apos;s next request.
      </p>
    </SettingsForm>
  );
}
