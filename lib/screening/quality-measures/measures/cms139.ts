import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, Span } from "../qm-facts";
import { hasHospiceServices, qualifyingEncounters, vs as common } from "../common-libraries";
import { ageInYearsAt, numeratorMetBy, during, earliest, isAssessmentPerformed, isEncounterFinished, proportionGroup, retrieve } from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS139 Falls: Screening for Future Fall Risk: patients 65+ at the start of the period with a
 * qualifying visit in it who had a falls screening assessment in the period. Excluded: hospice.
 */
const vs = valueSetsNamed(
  "fallsScreening", "ophthalmologicalServices", "preventiveIndividualCounseling", "dischargeServicesNursingFacility",
  "nursingFacilityVisit", "careServicesLongTermResidentialFacility", "audiologyVisit", "physicalTherapyEvaluation",
  "occupationalTherapyEvaluation",
);

const encounters = [
  common.officeVisit, common.annualWellnessVisit, common.preventiveEstablished18Up, common.preventiveInitial18Up, common.homeHealthcareServices,
  vs.ophthalmologicalServices, vs.preventiveIndividualCounseling, vs.dischargeServicesNursingFacility, vs.nursingFacilityVisit,
  vs.careServicesLongTermResidentialFacility, vs.audiologyVisit, common.telephoneVisits, common.virtualEncounter, vs.physicalTherapyEvaluation,
  vs.occupationalTherapyEvaluation,
];

function evaluate(facts: QmFacts, mp: Span, reasons: string[]) {
  const age = ageInYearsAt(facts, mp.lo);
  const visit = qualifyingEncounters(facts, encounters, mp, isEncounterFinished).length > 0;
  reasons.push(`Age ${age} at the start of the period (65+); ${visit ? "a qualifying visit" : "no qualifying visit"} in the period.`);
  return [
    proportionGroup({
      ip: age >= 65 && visit,
      denex: () => hasHospiceServices(facts, mp) && (reasons.push("Excluded: hospice care in the period."), true),
      numer: () => {
        const screening = retrieve(facts, "Observation", vs.fallsScreening).find((o) => isAssessmentPerformed(o) && during(o.timing, mp));
        return numeratorMetBy(screening, "falls risk screening", earliest, reasons);
      },
    }),
  ];
}

export const cms139Versions: readonly QualityMeasureDefinition[] = [
  {
    cmsId: "CMS139",
    version: "CMS139v14",
    performanceYear: 2026,
    title: "Falls: Screening for Future Fall Risk",
    valueSets: [...Object.values(vs), ...encounters.filter((oid) => !Object.values<string>(vs).includes(oid)), common.encounterInpatient, common.hospiceEncounter, common.hospiceCareAmbulatory, common.hospiceDiagnosis],
    gapAction: "Screen for future fall risk (ask about falls in the past year and gait or balance problems).",
    evaluate,
  },
];
