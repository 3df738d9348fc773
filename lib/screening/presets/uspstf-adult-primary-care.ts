import type { ScreeningPresetInput } from "../screening-type";
import { adultImmunizations } from "./adult-immunizations";
import { colorectalScreenings, otherCancerScreenings } from "./uspstf-cancer-screenings";
import { otherScreenings } from "./uspstf-other-screenings";

/**
 * The adult primary-care preset: USPSTF A/B screenings plus the ACIP adult vaccines clinics track.
 * Bump `version` whenever any type changes, so applied copies can show what moved.
 */
export const uspstfAdultPrimaryCarePreset: ScreeningPresetInput = {
  key: "uspstf-adult-primary-care",
  version: 1,
  name: "USPSTF adult primary care",
  source: "USPSTF A/B recommendations in force 2025; ACIP adult immunization schedule 2025",
  types: [...colorectalScreenings, ...otherCancerScreenings, ...otherScreenings, ...adultImmunizations],
};
