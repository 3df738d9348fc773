import { conceptCodeSet } from "../concepts/concept-code-set";
import type { ScreeningTypeInput } from "../screening-type";

/**
 * Criteria reused by several preset types. Data only. Codes were chosen for certainty over coverage:
 * a missing code costs a review, a wrong one costs a wrong answer.
 */
type TriggerInput = NonNullable<NonNullable<ScreeningTypeInput["eligibility"]>["triggers"]>;

/** Ever smoked: nicotine dependence, history of it, tobacco use, or a smoking-status observation. */
export const everSmokedTrigger: TriggerInput = {
  codes: {
    ICD10CM: ["F17.2", "Z87.891", "Z72.0"],
    // 77176002 Smoker, 8517006 Ex-smoker, 449868002 Current every day smoker, 65568007 Cigarette smoker,
    // 428041000124106 Current some day smoker.
    SNOMED: ["77176002", "8517006", "449868002", "65568007", "428041000124106"],
  },
  synonyms: ["smoker", "former smoker", "ex-smoker", "tobacco use", "nicotine dependence", "smoking history", "cigarette smoker"],
  observations: [
    {
      // LOINC 72166-2 Tobacco smoking status, with the US Core smoker answers (never-smoker excluded).
      codes: { LOINC: ["72166-2"] },
      valueCodes: {
        SNOMED: ["449868002", "428041000124106", "8517006", "77176002", "65568007", "428061000124105", "428071000124103"],
      },
      latestOnly: false,
    },
  ],
  includeResolved: true,
};

/** Overweight or obesity now: coded diagnosis, BMI Z-code 25+, or the latest BMI observation ≥ 25. */
export const overweightTrigger: TriggerInput = {
  codes: {
    ICD10CM: ["E66", "Z68.25", "Z68.26", "Z68.27", "Z68.28", "Z68.29", "Z68.3", "Z68.4"],
    // 238131007 Overweight, 414916001 Obesity.
    SNOMED: ["238131007", "414916001"],
  },
  synonyms: ["overweight", "obesity", "obese", "morbid obesity"],
  observations: [{ codes: { LOINC: ["39156-5"] }, minValue: 25, latestOnly: true }],
  includeResolved: false,
};

export const hospicePhrases = ["hospice care", "enrolled in hospice", "in hospice"];

/** Hysterectomy with no residual cervix (Z90.711, cervical stump remaining, deliberately absent). */
export const noResidualCervixExclusion: NonNullable<ScreeningTypeInput["exclusions"]> = {
  codes: conceptCodeSet("no-residual-cervix"),
  phrases: ["total hysterectomy", "total abdominal hysterectomy", "radical hysterectomy", "vaginal hysterectomy", "absence of cervix", ...hospicePhrases],
};

/** Colorectal cancer or total colectomy (CMS130's exclusions), and hospice. */
export const colorectalExclusion: NonNullable<ScreeningTypeInput["exclusions"]> = {
  codes: conceptCodeSet("colorectal-cancer-or-colectomy"),
  phrases: ["total colectomy", "total proctocolectomy", ...hospicePhrases],
};

export const nonClinicalDocuments = ["consult", "hospital", "other"] as const;
