import type { Metadata } from "next";
import { saveWriteBackSettingsAction } from "../actions";
import { settingsSectionPage } from "../_components/settings-section-page";
import { WriteBackSettingsFields } from "./write-back-settings-fields";

export const metadata: Metadata = { title: "Write-back to Epic" };

export default settingsSectionPage({
  title: "Write-back to Epic",
  description: "How prep sheets are filed in Epic as clinical notes.",
  action: saveWriteBackSettingsAction,
  fields: (settings) => <WriteBackSettingsFields settings={settings.writeBack} />,
});
