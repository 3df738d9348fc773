import { addMonthsClamped } from "../../calendar-date";
import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import { hasHospiceServices, vs as common } from "../common-libraries";
import {
  ageInYearsAt, dayIn, describeDay, during, earliest, hasCategory, hasCode, inValueSet, isInterventionPerformed, isMedicationActive,
  isMedicationOrder, isVerified, prevalenceInterval, proportionGroup, retrieve, startsDuring, systems, isEncounterFinished,
} from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS138 Preventive Care and Screening: Tobacco Use: Screening and Cessation Intervention, three
 * rates over patients 12+ (at the period's start) with two visits or one preventive visit:
 * 1) the most recent tobacco status in the period says user or non-user; 2) of those whose most
 * recent status says user, cessation counseling or pharmacotherapy in the period or the 6 months
 * before; 3) screened, and if a user also given an intervention. Excluded: hospice in the period.
 */
const vs = valueSetsNamed(
  "occupationalTherapyEvaluation", "ophthalmologicalServices", "physicalTherapyEvaluation", "psychVisitDiagnosticEvaluation",
  "psychVisitPsychotherapy", "psychoanalysis", "speechAndHearingEvaluation", "preventiveEstablished0To17", "preventiveInitial0To17",
  "preventiveGroupCounseling", "preventiveIndividualCounseling", "nutritionServices", "tobaccoUser", "tobaccoNonUser",
  "tobaccoUseCessationCounseling", "tobaccoUseCessationPharmacotherapy",
);

const visitSets = [
  common.homeHealthcareServices, vs.occupationalTherapyEvaluation, common.officeVisit, vs.ophthalmologicalServices, vs.physicalTherapyEvaluation,
  vs.psychVisitDiagnosticEvaluation, vs.psychVisitPsychotherapy, vs.psychoanalysis, vs.speechAndHearingEvaluation, common.telephoneVisits, common.virtualEncounter,
];
// CPT health behavior intervention (96158) and assessment (96156) also count as visits.
const visitCodes = ["96158", "96156"];
const preventiveSets = [
  common.annualWellnessVisit, common.preventiveEstablished18Up, common.preventiveInitial18Up, vs.preventiveEstablished0To17, vs.preventiveInitial0To17,
  vs.preventiveGroupCounseling, vs.preventiveIndividualCounseling, vs.nutritionServices,
];
// CPT unlisted preventive medicine service (99429) and postoperative follow-up visit (99024).
const preventiveCodes = ["99429", "99024"];
const tobaccoAbuseCounseling = [systems.icd10cm, "Z71.6"] as const;
const taskFulfill = ["http://hl7.org/fhir/CodeSystem/task-code", "fulfill"] as const;
// The US Core smoking status profile: a final social-history Observation; its code binding is
// extensible (starter set: Tobacco smoking status), so a tobacco-use question code or a tobacco
// user / non-user answer marks it.
const smokingStatusCodes = ["72166-2", "39240-7", "11367-0"];

function visits(facts: QmFacts, mp: Span, sets: readonly string[], cptCodes: readonly string[]): QmResource[] {
  return retrieve(facts, "Encounter").filter(
    (e) => isEncounterFinished(e) && (sets.some((oid) => inValueSet(e.codes, oid)) || cptCodes.some((c) => hasCode(e.codes, systems.cpt, c))) && during(e.timing, mp),
  );
}

function isSmokingStatus(o: QmResource): boolean {
  return (
    o.status === "final" &&
    hasCategory(o, "social-history") &&
    (smokingStatusCodes.some((c) => hasCode(o.codes, systems.loinc, c)) || inValueSet(o.value.codes, vs.tobaccoUser) || inValueSet(o.value.codes, vs.tobaccoNonUser))
  );
}

/** "Most Recent Tobacco Use Screening": the last smoking status in the period by start of effective. */
function mostRecentScreening(facts: QmFacts, mp: Span): QmResource | undefined {
  return retrieve(facts, "Observation")
    .filter((o) => isSmokingStatus(o) && during(o.timing, mp))
    .sort((a, b) => (earliest(a.timing) ?? 0) - (earliest(b.timing) ?? 0))
    .at(-1);
}

/** Counseling or pharmacotherapy (ordered, or active and wholly) within the period or the 6 months before it. */
function cessationIntervention(facts: QmFacts, mp: Span, reasons: string[]): boolean {
  const window: Span = { lo: addMonthsClamped(mp.lo, -6), hi: mp.hi };
  const rejected = (m: QmResource) =>
    retrieve(facts, "Task").some((t) => t.status === "rejected" && hasCode(t.codes, ...taskFulfill) && t.focusIds.includes(m.id));
  const found: string[] = [];
  for (const p of retrieve(facts, "Procedure", vs.tobaccoUseCessationCounseling)) {
    if (isInterventionPerformed(p) && during(p.timing, window)) found.push(`cessation counseling on ${describeDay(earliest(p.timing))}`);
  }
  for (const c of retrieve(facts, "Condition")) {
    if (hasCode(c.codes, ...tobaccoAbuseCounseling) && isVerified(c) && startsDuring(prevalenceInterval(c), window)) found.push("tobacco abuse counseling diagnosis");
  }
  for (const m of retrieve(facts, "MedicationRequest", vs.tobaccoUseCessationPharmacotherapy)) {
    if (isMedicationOrder(m) && dayIn(m.authoredOn, window) && !rejected(m)) found.push(`cessation medication ordered ${describeDay(m.authoredOn)}`);
    else if (isMedicationActive(m) && during(m.medicationPeriod, window)) found.push("active cessation medication");
  }
  reasons.push(found.length > 0 ? `Cessation intervention: ${found.join("; ")}.` : "No tobacco cessation intervention in the period or the 6 months before.");
  return found.length > 0;
}

function evaluate(facts: QmFacts, mp: Span, reasons: string[]) {
  const age = ageInYearsAt(facts, mp.lo);
  const visitCount = visits(facts, mp, visitSets, visitCodes).length;
  const preventive = visits(facts, mp, preventiveSets, preventiveCodes).length > 0;
  const ip = age >= 12 && (visitCount >= 2 || preventive);
  reasons.push(`Age ${age} at the start of the period (12+); ${visitCount} visit(s)${preventive ? " and a preventive visit" : ""} in the period.`);

  let hospice: boolean | undefined;
  const denex = () => (hospice ??= hasHospiceServices(facts, mp) && (reasons.push("Excluded: hospice care in the period."), true));
  const screening = mostRecentScreening(facts, mp);
  const user = screening !== undefined && inValueSet(screening.value.codes, vs.tobaccoUser);
  const nonUser = screening !== undefined && inValueSet(screening.value.codes, vs.tobaccoNonUser);
  if (ip) {
    reasons.push(
      screening === undefined ? "No tobacco use screening in the period."
      : `Most recent tobacco screening ${describeDay(earliest(screening.timing))}: ${user ? "tobacco user" : nonUser ? "non-user" : "status not documented"}.`,
    );
  }
  let intervention: boolean | undefined;
  const intervened = () => (intervention ??= cessationIntervention(facts, mp, reasons));
  return [
    proportionGroup({ ip, denex, numer: () => user || nonUser }),
    proportionGroup({ ip, denominator: user, denex, numer: intervened }),
    proportionGroup({ ip, denex, numer: () => nonUser || (user && intervened()) }),
  ];
}

export const cms138Versions: readonly QualityMeasureDefinition[] = [
  {
    cmsId: "CMS138",
    version: "CMS138v14",
    performanceYear: 2026,
    title: "Preventive Care and Screening: Tobacco Use: Screening and Cessation Intervention",
    valueSets: [...Object.values(vs), ...visitSets, ...preventiveSets, common.encounterInpatient, common.hospiceEncounter, common.hospiceCareAmbulatory, common.hospiceDiagnosis],
    gapAction: "Ask about tobacco use; for tobacco users, give cessation counseling or prescribe cessation pharmacotherapy.",
    evaluate,
  },
];
