import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, Span } from "../qm-facts";
import { hasHospiceServices, vs as common } from "../common-libraries";
import { ageInYearsAt, describeDay, during, earliest, inValueSet, isAssessmentPerformed, proportionGroup, retrieve } from "../qm-logic";

/**
 * CMS139 Falls: Screening for Future Fall Risk: patients 65+ at the start of the period with a
 * qualifying visit in it who had a falls screening assessment in the period. Excluded: hospice.
 */
const vs = {
  fallsScreening: "2.16.840.1.113883.3.464.1003.118.12.1028",
  ophthalmologicalServices: "2.16.840.1.113883.3.526.3.1285",
  preventiveIndividualCounseling: "2.16.840.1.113883.3.464.1003.101.12.1026",
  dischargeServicesNursingFacility: "2.16.840.1.113883.3.464.1003.101.12.1013",
  nursingFacilityVisit: "2.16.840.1.113883.3.464.1003.101.12.1012",
  careServicesLongTermResidentialFacility: "2.16.840.1.113883.3.464.1003.101.12.1014",
  audiologyVisit: "2.16.840.1.113883.3.464.1003.101.12.1066",
  physicalTherapyEvaluation: "2.16.840.1.113883.3.526.3.1022",
  occupationalTherapyEvaluation: "2.16.840.1.113883.3.526.3.1011",
} as const;

const encounters = [
  common.officeVisit, common.annualWellnessVisit, common.preventiveEstablished18Up, common.preventiveInitial18Up, common.homeHealthcareServices,
  vs.ophthalmologicalServices, vs.preventiveIndividualCounseling, vs.dischargeServicesNursingFacility, vs.nursingFacilityVisit,
  vs.careServicesLongTermResidentialFacility, vs.audiologyVisit, common.telephoneVisits, common.virtualEncounter, vs.physicalTherapyEvaluation,
  vs.occupationalTherapyEvaluation,
];

function evaluate(facts: QmFacts, mp: Span, reasons: string[]) {
  const age = ageInYearsAt(facts, mp.lo);
  // Status."isEncounterPerformed" in the 2026 libraries counts finished encounters only.
  const visit = retrieve(facts, "Encounter").some((e) => e.status === "finished" && encounters.some((oid) => inValueSet(e.codes, oid)) && during(e.timing, mp));
  reasons.push(`Age ${age} at the start of the period (65+); ${visit ? "a qualifying visit" : "no qualifying visit"} in the period.`);
  return [
    proportionGroup({
      ip: age >= 65 && visit,
      denex: () => hasHospiceServices(facts, mp) && (reasons.push("Excluded: hospice care in the period."), true),
      numer: () => {
        const screening = retrieve(facts, "Observation", vs.fallsScreening).find((o) => isAssessmentPerformed(o) && during(o.timing, mp));
        reasons.push(screening ? `Numerator: falls risk screening on ${describeDay(earliest(screening.timing))}.` : "Numerator: no falls risk screening in the period.");
        return screening !== undefined;
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
