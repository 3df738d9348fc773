import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, Span } from "../qm-facts";
import { hasCommonExclusions, qualifyingEncounters, vs as common } from "../common-libraries";
import {
  ageInYearsAt, endsDuring, endsOnOrBefore, isDiagnosticStudyPerformed, isLaboratoryTestPerformed, isProcedurePerformed, isVerified, dayIn,
  describeDay, latest, prevalenceInterval, proportionGroup, retrieve, startsOnOrBefore, yearsBefore,
} from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS130 Colorectal Cancer Screening: adults 46–75 with a visit in the period who had FOBT in the
 * period, sDNA-FIT in it or the 2 years before, CT colonography or flexible sigmoidoscopy in it or the
 * 4 years before, or colonoscopy in it or the 9 years before. Excluded: colorectal cancer, total
 * colectomy, hospice, palliative care, 66+ frail with advanced illness or in a nursing home.
 */
const vs = valueSetsNamed(
  "fobt", "sdnaFit", "flexibleSigmoidoscopy", "ctColonography", "colonoscopy", "malignantNeoplasmOfColon", "totalColectomy",
);

const encounters = [
  common.officeVisit, common.annualWellnessVisit, common.preventiveEstablished18Up, common.preventiveInitial18Up,
  common.homeHealthcareServices, common.virtualEncounter, common.telephoneVisits,
];

function screenings(facts: QmFacts, mp: Span, reasons: string[]): boolean {
  const since = (years: number): Span => ({ lo: yearsBefore(mp.lo, years), hi: mp.hi });
  const found: [string, number | null][] = [];
  for (const o of retrieve(facts, "Observation", vs.fobt)) if (isLaboratoryTestPerformed(o) && o.value.present && dayIn(latest(o.timing), mp)) found.push(["FOBT", latest(o.timing)]);
  for (const o of retrieve(facts, "Observation", vs.sdnaFit)) if (isLaboratoryTestPerformed(o) && o.value.present && dayIn(latest(o.timing), since(2))) found.push(["stool DNA with FIT", latest(o.timing)]);
  for (const p of retrieve(facts, "Procedure", vs.flexibleSigmoidoscopy)) if (isProcedurePerformed(p) && endsDuring(p.timing, since(4))) found.push(["flexible sigmoidoscopy", latest(p.timing)]);
  for (const o of retrieve(facts, "Observation", vs.ctColonography)) if (isDiagnosticStudyPerformed(o) && endsDuring(o.timing, since(4))) found.push(["CT colonography", latest(o.timing)]);
  for (const p of retrieve(facts, "Procedure", vs.colonoscopy)) if (isProcedurePerformed(p) && endsDuring(p.timing, since(9))) found.push(["colonoscopy", latest(p.timing)]);
  for (const [label, day] of found) reasons.push(`Numerator: ${label} on ${describeDay(day)}.`);
  if (found.length === 0) reasons.push("Numerator: no colorectal cancer screening in its look-back window.");
  return found.length > 0;
}

function evaluate(ages: [number, number]) {
  return (facts: QmFacts, mp: Span, reasons: string[]) => {
    const age = ageInYearsAt(facts, mp.hi);
    const visit = qualifyingEncounters(facts, encounters, mp).length > 0;
    reasons.push(`Age ${age} at the end of the period (${ages[0]}–${ages[1]}); ${visit ? "a qualifying visit" : "no qualifying visit"} in the period.`);
    return [
      proportionGroup({
        ip: age >= ages[0] && age <= ages[1] && visit,
        denex: () =>
          hasCommonExclusions(facts, mp, reasons) ||
          retrieve(facts, "Condition", vs.malignantNeoplasmOfColon).some((c) => isVerified(c) && startsOnOrBefore(prevalenceInterval(c), mp.hi) && (reasons.push("Excluded: colorectal cancer."), true)) ||
          retrieve(facts, "Procedure", vs.totalColectomy).some((p) => isProcedurePerformed(p) && endsOnOrBefore(p.timing, mp.hi) && (reasons.push("Excluded: total colectomy."), true)),
        numer: () => screenings(facts, mp, reasons),
      }),
    ];
  };
}

const shared = {
  cmsId: "CMS130",
  title: "Colorectal Cancer Screening",
  valueSets: [...Object.values(vs), ...encounters],
  gapAction: "Offer colorectal cancer screening (FIT yearly, stool DNA-FIT, CT colonography or colonoscopy).",
};

export const cms130Versions: readonly QualityMeasureDefinition[] = [
  { ...shared, version: "CMS130v13", performanceYear: 2025, evaluate: evaluate([46, 75]) },
  { ...shared, version: "CMS130v14", performanceYear: 2026, evaluate: evaluate([46, 75]) },
];
