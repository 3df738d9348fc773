import type { Metadata } from "next";
import { saveSyncSettingsAction } from "../actions";
import { numberSettings } from "../_components/number-settings";
import { NumberFields } from "../_components/settings-form";
import { settingsSectionPage } from "../_components/settings-section-page";

export const metadata: Metadata = { title: "Epic sync" };

export default settingsSectionPage({
  title: "Epic sync",
  description: "How the clinic day pulls patients from Epic.",
  action: saveSyncSettingsAction,
  fields: ({ sync }) => <NumberFields values={sync} fields={numberSettings.sync} />,
});
