import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import { hasCommonExclusions, qualifyingEncounters, vs as common } from "../common-libraries";
import {
  ageInYearsAt, describeDay, endsDuring, endsOnOrBefore, hasCategory, hasCode, isDiagnosticStudyPerformed, isProcedurePerformed, isVerified,
  latest, prevalenceInterval, proportionGroup, retrieve, startsOnOrBefore, systems,
} from "../qm-logic";
import { civilFromDays, daysFromCivil } from "../../calendar-date";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS125 Breast Cancer Screening: women (52–74 in 2025, 42–74 from 2026) with a visit in the period
 * who had a mammogram from October 1 two years before the period through its end. Excluded: bilateral
 * mastectomy (procedure or history), a right and a left unilateral mastectomy (procedure, status-post
 * diagnosis, or an unspecified-laterality diagnosis whose body site says the side), hospice,
 * palliative care, 66+ frail with advanced illness or in a nursing home.
 */
const vs = valueSetsNamed(
  "mammography", "historyOfBilateralMastectomy", "statusPostLeftMastectomy", "statusPostRightMastectomy",
  "unilateralMastectomyUnspecifiedLaterality", "bilateralMastectomy", "unilateralMastectomyLeft", "unilateralMastectomyRight",
);

const code = {
  female: "248152002", // SNOMED Female (finding), the QI-Core 6 Patient.sex value
  right: "24028007", // SNOMED Right (qualifier value)
  left: "7771000", // SNOMED Left (qualifier value)
} as const;

const encounters = [
  common.officeVisit, common.annualWellnessVisit, common.preventiveEstablished18Up, common.preventiveInitial18Up,
  common.homeHealthcareServices, common.virtualEncounter, common.telephoneVisits,
];

/** What changed between the QI-Core 4.1.1 (2025) and QI-Core 6 (2026) versions. */
type Version = {
  ages: [number, number];
  /** 2025: Patient.gender = 'female'; 2026: Patient.sex (US Core sex extension) = Female (finding). */
  isFemale: (facts: QmFacts) => boolean;
  /** 2026's Status.isDiagnosticStudyPerformed also requires the imaging category. */
  mammogramCounts: (o: QmResource) => boolean;
  /** 2026 keeps only verified conditions (Status.verified); 2025 retrieves them all. */
  conditionCounts: (c: QmResource) => boolean;
};

const v2025: Version = {
  ages: [52, 74],
  isFemale: (facts) => facts.sex === "female",
  mammogramCounts: isDiagnosticStudyPerformed,
  conditionCounts: () => true,
};
const v2026: Version = {
  ages: [42, 74],
  isFemale: (facts) => facts.sexCode === code.female,
  mammogramCounts: (o) => isDiagnosticStudyPerformed(o) && hasCategory(o, "imaging"),
  conditionCounts: isVerified,
};

/** "October 1 Two Years Prior to the Measurement Period" through the end of the period. */
const mammographyWindow = (mp: Span): Span => ({ lo: daysFromCivil(civilFromDays(mp.lo).year - 2, 10, 1), hi: mp.hi });

function mastectomyExclusion(facts: QmFacts, mp: Span, v: Version, reasons: string[]): boolean {
  // A diagnosis of unspecified laterality names its side in bodySite (Right / Left qualifier).
  const diagnosis = (oid: string, side?: string) =>
    retrieve(facts, "Condition", oid).some((c) => v.conditionCounts(c) && startsOnOrBefore(prevalenceInterval(c), mp.hi) && (side === undefined || hasCode(c.bodySite, systems.snomed, side)));
  const procedure = (oid: string) => retrieve(facts, "Procedure", oid).some((p) => isProcedurePerformed(p) && endsOnOrBefore(p.timing, mp.hi));
  const side = (statusPost: string, procedureOid: string, qualifier: string) =>
    diagnosis(statusPost) || diagnosis(vs.unilateralMastectomyUnspecifiedLaterality, qualifier) || procedure(procedureOid);
  const right = side(vs.statusPostRightMastectomy, vs.unilateralMastectomyRight, code.right);
  const left = side(vs.statusPostLeftMastectomy, vs.unilateralMastectomyLeft, code.left);
  if (right && left) return reasons.push("Excluded: right and left mastectomy."), true;
  if (diagnosis(vs.historyOfBilateralMastectomy) || procedure(vs.bilateralMastectomy)) return reasons.push("Excluded: bilateral mastectomy."), true;
  return false;
}

function mammogram(facts: QmFacts, mp: Span, v: Version, reasons: string[]): boolean {
  const window = mammographyWindow(mp);
  const found = retrieve(facts, "Observation", vs.mammography).filter((o) => v.mammogramCounts(o) && endsDuring(o.timing, window));
  for (const o of found) reasons.push(`Numerator: mammogram on ${describeDay(latest(o.timing))}.`);
  if (found.length === 0) reasons.push(`Numerator: no mammogram since ${describeDay(window.lo)}.`);
  return found.length > 0;
}

function evaluate(v: Version) {
  return (facts: QmFacts, mp: Span, reasons: string[]) => {
    const age = ageInYearsAt(facts, mp.hi);
    const female = v.isFemale(facts);
    const visit = qualifyingEncounters(facts, encounters, mp).length > 0;
    reasons.push(`Age ${age} at the end of the period (${v.ages[0]}–${v.ages[1]}); ${female ? "female" : "not recorded as female"}; ${visit ? "a qualifying visit" : "no qualifying visit"} in the period.`);
    return [
      proportionGroup({
        ip: age >= v.ages[0] && age <= v.ages[1] && female && visit,
        denex: () => hasCommonExclusions(facts, mp, reasons) || mastectomyExclusion(facts, mp, v, reasons),
        numer: () => mammogram(facts, mp, v, reasons),
      }),
    ];
  };
}

const shared = {
  cmsId: "CMS125",
  title: "Breast Cancer Screening",
  valueSets: [...Object.values(vs), ...encounters],
  gapAction: "Order a screening mammogram.",
};

export const cms125Versions: readonly QualityMeasureDefinition[] = [
  { ...shared, version: "CMS125v13", performanceYear: 2025, evaluate: evaluate(v2025) },
  { ...shared, version: "CMS125v14", performanceYear: 2026, evaluate: evaluate(v2026) },
];
