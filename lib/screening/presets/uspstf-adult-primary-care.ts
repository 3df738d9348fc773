import type { ScreeningPresetInput } from "../screening-type";
import { adultImmunizations } from "./adult-immunizations";
import { diabetesCare } from "./diabetes-care";
import { colorectalScreenings, otherCancerScreenings } from "./uspstf-cancer-screenings";
import { otherScreenings } from "./uspstf-other-screenings";

/**
 * The adult primary-care preset: USPSTF A/B screenings, the diabetic eye exam and the ACIP adult vaccines
 * clinics track. Completion codes come from the shared clinical concepts (lib/screening/concepts).
 * Bump `version` whenever any type changes, so applied copies can show what moved.
 */
export const uspstfAdultPrimaryCarePreset: ScreeningPresetInput = {
  key: "uspstf-adult-primary-care",
  version: 2,
  name: "USPSTF adult primary care",
  source: "USPSTF A/B recommendations in force 2025; ACIP adult immunization schedule 2025; ADA Standards of Care 2025 (diabetic eye exam)",
  types: [...colorectalScreenings, ...otherCancerScreenings, ...otherScreenings, ...diabetesCare, ...adultImmunizations],
};
