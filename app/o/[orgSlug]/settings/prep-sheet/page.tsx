import type { Metadata } from "next";
import { savePrepSheetSettingsAction } from "../actions";
import { settingsSectionPage } from "../_components/settings-section-page";
import { PrepSheetSettingsFields } from "./prep-sheet-settings-fields";

export const metadata: Metadata = { title: "Prep sheet settings" };

export default settingsSectionPage({
  title: "Prep sheet",
  description: "What every prep sheet of this clinic shows. Changes apply to sheets generated from now on.",
  action: savePrepSheetSettingsAction,
  fields: (settings) => <PrepSheetSettingsFields settings={settings.prepSheet} />,
});
