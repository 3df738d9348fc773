import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import { hasCommonExclusions, qualifyingEncounters, vs as common } from "../common-libraries";
import {
  ageInYearsAt, dayIn, describeDay, during, hasCode, isEncounterPerformed, isLaboratoryTestPerformed, isVerified, latest, overlaps,
  prevalenceInterval, proportionGroup, retrieve, systems, isEncounterFinished,
} from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS122 Diabetes: Glycemic Status Assessment Greater Than 9% (inverse: the numerator is the poor
 * outcome). Diabetics 18–75 with a visit in the period are in the numerator when the most recent HbA1c
 * or GMI of the period (the lowest reading of that day, per the guidance) is above 9 %, has no result,
 * or when none was done. Excluded: hospice, palliative care, 66+ frail with advanced illness or in a
 * nursing home.
 */
const vs = valueSetsNamed(
  "hba1cLaboratoryTest", "diabetes", "nutritionServices",
);

const hcpcs = "http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";
const glucoseManagementIndicator = [systems.loinc, "97506-0"] as const;
/** 2026: medical nutrition therapy visits count as qualifying encounters (direct-reference codes). */
const medicalNutritionTherapy = [[systems.cpt, "97802"], [systems.cpt, "97803"], [systems.cpt, "97804"], [hcpcs, "G0270"], [hcpcs, "G0271"]] as const;

/**
 * What differs between the years. v14 follows the QI-Core 6 Status library: encounters count only
 * when finished, lab results by status alone (no category), diagnoses only when verified.
 */
type Version = { encounters: readonly string[]; v14: boolean };

const v13: Version = {
  encounters: [common.officeVisit, common.annualWellnessVisit, common.preventiveEstablished18Up, common.preventiveInitial18Up, common.homeHealthcareServices, common.virtualEncounter, common.telephoneVisits],
  v14: false,
};
/** v14 drops Virtual Encounter and adds nutrition services and medical nutrition therapy. */
const v14: Version = {
  encounters: [common.officeVisit, common.annualWellnessVisit, common.preventiveEstablished18Up, common.preventiveInitial18Up, common.homeHealthcareServices, vs.nutritionServices, common.telephoneVisits],
  v14: true,
};

function hasQualifyingVisit(facts: QmFacts, mp: Span, version: Version): boolean {
  const performed = version.v14 ? isEncounterFinished : isEncounterPerformed;
  if (qualifyingEncounters(facts, version.encounters, mp, performed).length > 0) return true;
  return version.v14 && retrieve(facts, "Encounter").some(
    (e) => performed(e) && during(e.timing, mp) && medicalNutritionTherapy.some(([system, code]) => hasCode(e.codes, system, code)),
  );
}

const finalResult = new Set(["final", "amended", "corrected"]);

/** A reading "> 9 '%'": a quantity in percent; another unit does not compare (CQL null). */
const percent = (r: QmResource) => (r.value.number !== null && (r.value.unit === null || r.value.unit.trim() === "%") ? r.value.number : null);

function numerator(facts: QmFacts, mp: Span, version: Version, reasons: string[]): boolean {
  const performed = (o: QmResource) => (version.v14 ? finalResult.has(o.status ?? "") : isLaboratoryTestPerformed(o));
  // "Glycemic Status Assessment": HbA1c or GMI lab results whose effective time (its end) falls in the period.
  const tests = [...retrieve(facts, "Observation", vs.hba1cLaboratoryTest), ...retrieve(facts, "Observation").filter((o) => hasCode(o.codes, ...glucoseManagementIndicator))]
    .filter((o) => performed(o) && dayIn(latest(o.timing), mp));
  if (tests.length === 0) {
    reasons.push("Numerator: no HbA1c or GMI in the period.");
    return true;
  }
  // Most recent day, then the lowest reading of that day (a missing value sorts first, as CQL sorts nulls).
  const lastDay = Math.max(...tests.map((o) => latest(o.timing)!));
  const sameDay = tests.filter((o) => latest(o.timing) === lastDay);
  const lowest = sameDay.sort((a, b) => (a.value.number ?? -Infinity) - (b.value.number ?? -Infinity))[0]!;
  if (!lowest.value.present) {
    reasons.push(`Numerator: the most recent HbA1c/GMI (${describeDay(lastDay)}) has no result.`);
    return true;
  }
  const value = percent(lowest);
  reasons.push(`Most recent HbA1c/GMI ${describeDay(lastDay)}: ${lowest.value.number ?? "no number"}${lowest.value.unit ? ` ${lowest.value.unit}` : ""}.`);
  return value !== null && value > 9;
}

function evaluate(version: Version) {
  return (facts: QmFacts, mp: Span, reasons: string[]) => {
    const age = ageInYearsAt(facts, mp.hi);
    const visit = hasQualifyingVisit(facts, mp, version);
    const diabetes = retrieve(facts, "Condition", vs.diabetes).some((c) => (!version.v14 || isVerified(c)) && overlaps(prevalenceInterval(c), mp));
    reasons.push(`Age ${age} at the end of the period (18–75); ${visit ? "a qualifying visit" : "no qualifying visit"} in the period; ${diabetes ? "diabetes" : "no diabetes"} in the period.`);
    return [
      proportionGroup({
        ip: age >= 18 && age <= 75 && visit && diabetes,
        denex: () => hasCommonExclusions(facts, mp, reasons),
        numer: () => numerator(facts, mp, version, reasons),
      }),
    ];
  };
}

const shared = {
  cmsId: "CMS122",
  title: "Diabetes: Glycemic Status Assessment Greater Than 9%",
  inverse: true,
  gapAction: "Order an HbA1c (or review GMI) and intensify diabetes treatment until glycemic status is 9% or below.",
};

export const cms122Versions: readonly QualityMeasureDefinition[] = [
  { ...shared, version: "CMS122v13", performanceYear: 2025, valueSets: [vs.hba1cLaboratoryTest, vs.diabetes, ...v13.encounters], evaluate: evaluate(v13) },
  { ...shared, version: "CMS122v14", performanceYear: 2026, valueSets: [vs.hba1cLaboratoryTest, vs.diabetes, ...v14.encounters], evaluate: evaluate(v14) },
];
