import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import { hasHospiceServices, hasPalliativeCare, qualifyingEncounters, vs as common } from "../common-libraries";
import {
  ageInYearsAt, dayIn, describeDay, endsOnOrBefore, isLaboratoryTestPerformed, isProcedurePerformed, isVerified, latest, prevalenceInterval,
  proportionGroup, retrieve, startsOnOrBefore, yearsBefore,
} from "../qm-logic";
import { computeAgeInYears } from "../../calendar-date";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS124 Cervical Cancer Screening: women 24–64 with a visit in the period who had cervical cytology
 * in the period or the 2 years before, or an HPV test in the period or the 4 years before taken at
 * age 30 or older. (The initial population starts at 24 so that a cytology 2 years back was taken at
 * 21 or later.) Excluded: hysterectomy with no residual cervix, absence of cervix, hospice, palliative
 * care. This measure has no frailty or nursing-home exclusion.
 */
const vs = valueSetsNamed(
  "papTest", "hpvTest", "hysterectomyNoResidualCervix", "absenceOfCervix",
);

const female = "248152002"; // SNOMED Female (finding), the QI-Core 6 Patient.sex value

// Unlike CMS125/130, no Annual Wellness Visit.
const encounters = [
  common.officeVisit, common.preventiveEstablished18Up, common.preventiveInitial18Up,
  common.homeHealthcareServices, common.telephoneVisits, common.virtualEncounter,
];

/** What changed between the QI-Core 4.1.1 (2025) and QI-Core 6 (2026) versions. */
type Version = {
  /** 2025: Patient.gender = 'female'; 2026: Patient.sex (US Core sex extension) = Female (finding). */
  isFemale: (facts: QmFacts) => boolean;
  /** 2025's Status.isLaboratoryTestPerformed requires the laboratory category; 2026's only the status. */
  labCounts: (o: QmResource) => boolean;
  /** 2026 keeps only verified conditions (Status.verified); 2025 retrieves them all. */
  conditionCounts: (c: QmResource) => boolean;
};
const v2025: Version = { isFemale: (facts) => facts.sex === "female", labCounts: isLaboratoryTestPerformed, conditionCounts: () => true };
const v2026: Version = {
  isFemale: (facts) => facts.sexCode === female,
  labCounts: (o) => ["final", "amended", "corrected"].includes(o.status ?? ""),
  conditionCounts: isVerified,
};

function screenings(facts: QmFacts, mp: Span, v: Version, reasons: string[]): boolean {
  const since = (years: number): Span => ({ lo: yearsBefore(mp.lo, years), hi: mp.hi });
  // A result must be reported (value present); the test's date is its end when it has one.
  const tests = (oid: string, window: Span) => retrieve(facts, "Observation", oid).filter((o) => v.labCounts(o) && o.value.present && dayIn(latest(o.timing), window));
  const found: [string, number | null][] = [
    ...tests(vs.papTest, since(2)).map((o): [string, number | null] => ["cervical cytology", latest(o.timing)]),
    ...tests(vs.hpvTest, since(4))
      .filter((o) => computeAgeInYears(facts.birthDate, latest(o.timing)!) >= 30)
      .map((o): [string, number | null] => ["HPV test at 30 or older", latest(o.timing)]),
  ];
  for (const [label, day] of found) reasons.push(`Numerator: ${label} on ${describeDay(day)}.`);
  if (found.length === 0) reasons.push("Numerator: no cytology in the last 3 years and no HPV test at 30 or older in the last 5.");
  return found.length > 0;
}

function absenceOfCervix(facts: QmFacts, mp: Span, v: Version, reasons: string[]): boolean {
  const procedure = retrieve(facts, "Procedure", vs.hysterectomyNoResidualCervix).some((p) => isProcedurePerformed(p) && endsOnOrBefore(p.timing, mp.hi));
  const diagnosis = retrieve(facts, "Condition", vs.absenceOfCervix).some((c) => v.conditionCounts(c) && startsOnOrBefore(prevalenceInterval(c), mp.hi));
  if (procedure || diagnosis) reasons.push(`Excluded: ${procedure ? "hysterectomy with no residual cervix" : "absence of cervix"}.`);
  return procedure || diagnosis;
}

function evaluate(v: Version) {
  return (facts: QmFacts, mp: Span, reasons: string[]) => {
    const age = ageInYearsAt(facts, mp.hi);
    const isFemale = v.isFemale(facts);
    const visit = qualifyingEncounters(facts, encounters, mp).length > 0;
    reasons.push(`Age ${age} at the end of the period (24–64); ${isFemale ? "female" : "not recorded as female"}; ${visit ? "a qualifying visit" : "no qualifying visit"} in the period.`);
    return [
      proportionGroup({
        ip: age >= 24 && age <= 64 && isFemale && visit,
        denex: () =>
          (hasHospiceServices(facts, mp) && (reasons.push("Excluded: hospice care in the period."), true)) ||
          absenceOfCervix(facts, mp, v, reasons) ||
          (hasPalliativeCare(facts, mp) && (reasons.push("Excluded: palliative care in the period."), true)),
        numer: () => screenings(facts, mp, v, reasons),
      }),
    ];
  };
}

const shared = {
  cmsId: "CMS124",
  title: "Cervical Cancer Screening",
  valueSets: [...Object.values(vs), ...encounters],
  gapAction: "Offer cervical cancer screening (cytology every 3 years, or HPV testing every 5 years from age 30).",
};

export const cms124Versions: readonly QualityMeasureDefinition[] = [
  { ...shared, version: "CMS124v13", performanceYear: 2025, evaluate: evaluate(v2025) },
  { ...shared, version: "CMS124v14", performanceYear: 2026, evaluate: evaluate(v2026) },
];
