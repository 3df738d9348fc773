import type { Metadata } from "next";
import { saveScreeningTimingAction } from "../actions";
import { numberSettings } from "../_components/number-settings";
import { NumberFields } from "../_components/settings-form";
import { settingsSectionPage } from "../_components/settings-section-page";

export const metadata: Metadata = { title: "Screening timing" };

export default settingsSectionPage({
  title: "Screening timing",
  description: "The clinic's defaults for when a screening counts as due soon or overdue. A screening type's own timing, where set, comes first.",
  action: saveScreeningTimingAction,
  fields: ({ screening }) => (
    <>
      <NumberFields values={screening} fields={numberSettings.screening} className="sm:grid-cols-3" />
      {Object.keys(screening.typeOverrides).length > 0 ? (
        <p className="text-sm text-muted-foreground">
          {Object.keys(screening.typeOverrides).length} screening type(s) have their own timing override; those are kept as they are.
        </p>
      ) : null}
    </>
  ),
});
