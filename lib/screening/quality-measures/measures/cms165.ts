import { addMonthsClamped } from "../../calendar-date";
import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import {
  hasCriteriaIndicatingFrailty, hasHospiceServices, hasPalliativeCare, isAge66PlusLivingInNursingHome, isAge66PlusWithAdvancedIllnessAndFrailty,
  qualifyingEncounters, vs as common,
} from "../common-libraries";
import {
  ageInYearsAt, dayIn, describeDay, endsOnOrBefore, hasCode, inValueSet, isProcedurePerformed, isVerified, latest, overlaps,
  prevalenceInterval, proportionGroup, retrieve, startsOnOrBefore, systems, isEncounterFinished as finished,
} from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS165 Controlling High Blood Pressure: patients 18–85 with a visit in the period and essential
 * hypertension overlapping the first six months of it, whose most recent blood pressure day in the
 * period (lowest systolic and lowest diastolic of that day, readings from acute inpatient or ED
 * stays left out) is under 140/90. Excluded: hospice, pregnancy, ESRD / dialysis / kidney transplant,
 * 66–80 frail with advanced illness, 81+ frail, 66+ in a nursing home, palliative care.
 */
const vs = valueSetsNamed(
  "essentialHypertension", "emergencyDepartmentVisit", "pregnancy", "endStageRenalDisease", "kidneyTransplantRecipient",
  "chronicKidneyDiseaseStage5", "kidneyTransplant", "dialysisServices", "esrdMonthlyOutpatientServices",
);
const code = {
  bloodPressurePanel: [systems.loinc, "85354-9"], // US Core Blood Pressure profile's code
  systolic: [systems.loinc, "8480-6"],
  diastolic: [systems.loinc, "8462-4"],
} as const;
/** Encounter classes the measure treats as acute (inpatient, emergency, short stay…): their readings do not count. */
const acuteClasses = new Set(["EMER", "IMP", "ACUTE", "NONAC", "PRENC", "SS"]);

const encounters = [
  common.officeVisit, common.annualWellnessVisit, common.preventiveEstablished18Up, common.preventiveInitial18Up,
  common.homeHealthcareServices, common.virtualEncounter, common.telephoneVisits,
];

/** "Qualifying Blood Pressure Reading": final readings in the period, not inside an acute stay. */
function qualifyingReadings(facts: QmFacts, mp: Span): QmResource[] {
  const acuteStays = [...retrieve(facts, "Encounter", common.encounterInpatient), ...retrieve(facts, "Encounter", vs.emergencyDepartmentVisit)].filter(finished);
  return retrieve(facts, "Observation").filter((o) => {
    if (!hasCode(o.codes, ...code.bloodPressurePanel) || !["final", "amended", "corrected"].includes(o.status ?? "")) return false;
    const day = latest(o.timing);
    if (!dayIn(day, mp)) return false;
    const outsideAcuteStay = !acuteStays.some((e) => e.timing !== null && day! >= e.timing.lo && day! <= e.timing.hi);
    const encounter = o.encounterId === null ? undefined : facts.byId.get(o.encounterId);
    const encounterClass = encounter?.resourceType === "Encounter" ? encounter.classCode : null;
    return outsideAcuteStay || (encounterClass !== null && !acuteClasses.has(encounterClass));
  });
}

/** The lowest value of one component across the day's readings; a reading without it makes the day's value unknown (CQL sorts nulls first). */
function lowest(readings: QmResource[], component: readonly [string, string]): number | null {
  const values = readings.map((r) => r.components.find((c) => hasCode(c.codes, ...component))?.value.number ?? null);
  return values.includes(null) ? null : Math.min(...(values as number[]));
}

function controlled(facts: QmFacts, mp: Span, reasons: string[]): boolean {
  const readings = qualifyingReadings(facts, mp);
  if (readings.length === 0) {
    reasons.push("Numerator: no blood pressure recorded in the period (counts as not controlled).");
    return false;
  }
  const lastDay = Math.max(...readings.map((r) => latest(r.timing)!));
  const sameDay = readings.filter((r) => latest(r.timing) === lastDay);
  const systolic = lowest(sameDay, code.systolic);
  const diastolic = lowest(sameDay, code.diastolic);
  reasons.push(`Numerator: most recent blood pressure ${systolic ?? "?"}/${diastolic ?? "?"} on ${describeDay(lastDay)} (goal under 140/90).`);
  return systolic !== null && diastolic !== null && systolic < 140 && diastolic < 90;
}

function exclusions(facts: QmFacts, mp: Span, reasons: string[]): boolean {
  const age = ageInYearsAt(facts, mp.hi);
  const conditions = [vs.pregnancy, vs.endStageRenalDisease, vs.kidneyTransplantRecipient, vs.chronicKidneyDiseaseStage5];
  const checks: [string, () => boolean][] = [
    ["hospice care in the period", () => hasHospiceServices(facts, mp, finished)],
    ["pregnancy, ESRD, CKD stage 5 or kidney transplant during the period",
      () => retrieve(facts, "Condition").some((c) => conditions.some((oid) => inValueSet(c.codes, oid)) && isVerified(c) && overlaps(prevalenceInterval(c), mp))],
    ["dialysis or kidney transplant by the end of the period",
      () => [...retrieve(facts, "Procedure", vs.kidneyTransplant), ...retrieve(facts, "Procedure", vs.dialysisServices)].some((p) => isProcedurePerformed(p) && endsOnOrBefore(p.timing, mp.hi))],
    ["ESRD monthly outpatient services by the end of the period",
      () => retrieve(facts, "Encounter", vs.esrdMonthlyOutpatientServices).some((e) => finished(e) && startsOnOrBefore(e.timing, mp.hi))],
    ["66–80 with frailty and advanced illness", () => age <= 80 && isAge66PlusWithAdvancedIllnessAndFrailty(facts, mp, finished)],
    ["81 or older with frailty", () => age >= 81 && hasCriteriaIndicatingFrailty(facts, mp, finished)],
    ["66 or older living long term in a nursing home", () => isAge66PlusLivingInNursingHome(facts, mp)],
    ["palliative care in the period", () => hasPalliativeCare(facts, mp, finished)],
  ];
  const hit = checks.find(([, check]) => check());
  if (hit) reasons.push(`Excluded: ${hit[0]}.`);
  return hit !== undefined;
}

function evaluate(facts: QmFacts, mp: Span, reasons: string[]) {
  const age = ageInYearsAt(facts, mp.hi);
  // Essential hypertension overlapping [start of the period, start + 6 months).
  const firstHalf: Span = { lo: mp.lo, hi: addMonthsClamped(mp.lo, 6) - 1 };
  const hypertension = retrieve(facts, "Condition", vs.essentialHypertension).some((c) => isVerified(c) && overlaps(prevalenceInterval(c), firstHalf));
  const visit = qualifyingEncounters(facts, encounters, mp, finished).length > 0;
  reasons.push(
    `Age ${age} at the end of the period (18–85); ${hypertension ? "essential hypertension in the first half of the period" : "no essential hypertension in the first half of the period"}; ${visit ? "a qualifying visit" : "no qualifying visit"} in the period.`,
  );
  return [
    proportionGroup({
      ip: age >= 18 && age <= 85 && hypertension && visit,
      denex: () => exclusions(facts, mp, reasons),
      numer: () => controlled(facts, mp, reasons),
    }),
  ];
}

export const cms165Versions: readonly QualityMeasureDefinition[] = [
  {
    cmsId: "CMS165",
    version: "CMS165v14",
    performanceYear: 2026,
    title: "Controlling High Blood Pressure",
    valueSets: [...Object.values(vs), ...encounters, common.encounterInpatient],
    gapAction: "Recheck blood pressure at the visit (a reading under 140/90 on the latest day closes the gap); adjust treatment if still high.",
    evaluate,
  },
];
