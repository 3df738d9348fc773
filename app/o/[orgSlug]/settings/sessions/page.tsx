import type { Metadata } from "next";
import { saveSessionSettingsAction } from "../actions";
import { numberSettings } from "../_components/number-settings";
import { NumberFields } from "../_components/settings-form";
import { settingsSectionPage } from "../_components/settings-section-page";

export const metadata: Metadata = { title: "Session timeouts" };

export default settingsSectionPage({
  title: "Sessions",
  description: "How long people of this clinic stay signed in.",
  action: saveSessionSettingsAction,
  fields: (settings) => (
    <>
      <NumberFields values={settings.sessions} fields={numberSettings.sessions} className="sm:grid-cols-2" />
      <p className="text-sm text-muted-foreground">
        Sessions belong to a person, not a clinic: someone who works in several clinics gets the strictest of their clinics&apos; timeouts.
        Changes apply on each person&apos;s next request.
      </p>
    </>
  ),
});
