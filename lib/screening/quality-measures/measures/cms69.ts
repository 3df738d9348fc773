import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import { hasHospiceServices, hasPalliativeCare } from "../common-libraries";
import {
  ageInYearsAt, describeDay, during, hasCategory, hasCode, inValueSet, overlaps, prevalenceInterval, proportionGroup, retrieve,
  startsDuring, startsOnOrBefore, systems, isEncounterFinished,
} from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS69 Preventive Care and Screening: BMI Screening and Follow-Up Plan. Adults (18+ at a finished,
 * in-person "Encounter to Evaluate BMI" in the period) with a BMI in the period: met when every BMI is
 * normal (18.5 ≤ BMI < 25), or a high / low BMI has a follow-up (order, referral, medication or
 * intervention) tied to overweight / underweight and started in the period. Excluded: pregnancy,
 * hospice, palliative care. Excepted: a medical reason for no follow-up, or a BMI not done for a
 * medical reason or refusal, documented on the day of a qualifying encounter.
 */
const vs = valueSetsNamed(
  "encounterToEvaluateBmi", "followUpAboveNormalBmi", "referralsWhereWeightAssessmentMayOccur", "medicationsForAboveNormalBmi",
  "overweightOrObese", "followUpBelowNormalBmi", "medicationsForBelowNormalBmi", "underweight", "pregnancyOrOtherRelatedDiagnoses",
  "medicalReason", "patientDeclined",
);

const bmiCode = "39156-5"; // Body mass index (BMI) [Ratio]
const pregnancyStatusCode = "82810-3"; // US Core pregnancy status observation
const finalResult = ["final", "amended", "corrected"];

/** A request or procedure that says it was not done never counts as a follow-up (only as an exception). */
const isNegated = (r: QmResource) => r.doNotPerform || r.status === "not-done" || r.status === "entered-in-error";
/** `A ends before day of D` is null (so `not` of it false) when A's end is unknown. */
const notEndedBefore = (a: Span, day: number) => !a.hiUnknown && a.hi >= day;

function qualifyingEncounters(facts: QmFacts, mp: Span): QmResource[] {
  // Telehealth is not eligible: the measure needs height and weight measured in person.
  return retrieve(facts, "Encounter", vs.encounterToEvaluateBmi).filter((e) => isEncounterFinished(e) && e.classCode !== "VR" && during(e.timing, mp));
}

/** BMI in the period: a final result, compared as a UCUM quantity (a unit given only as text is not computable). */
function bmisInPeriod(facts: QmFacts, mp: Span) {
  return retrieve(facts, "Observation").filter(
    (o) => hasCode(o.codes, systems.loinc, bmiCode) && finalResult.includes(o.status ?? "") && o.value.number !== null && o.value.number > 0 && o.value.ucumCode === "kg/m2" && during(o.timing, mp),
  );
}

/** Overweight / underweight conditions (problem list, health concern or encounter diagnosis). */
const conditions = (facts: QmFacts, oid: string) => retrieve(facts, "Condition", oid).map((c) => ({ c, prevalence: prevalenceInterval(c) }));

type Side = { followUp: string; referral: string; medications: string; diagnosis: string };
const high: Side = { followUp: vs.followUpAboveNormalBmi, referral: vs.referralsWhereWeightAssessmentMayOccur, medications: vs.medicationsForAboveNormalBmi, diagnosis: vs.overweightOrObese };
const low: Side = { followUp: vs.followUpBelowNormalBmi, referral: vs.referralsWhereWeightAssessmentMayOccur, medications: vs.medicationsForBelowNormalBmi, diagnosis: vs.underweight };

/**
 * The follow-ups for a high or low BMI that started in the period: orders (service, referral,
 * medication) for the weight problem — by reason code or a diagnosis already there when ordered — and
 * interventions performed while the diagnosis was current.
 */
function followUps(facts: QmFacts, mp: Span, side: Side): { label: string; day: number }[] {
  const diagnoses = conditions(facts, side.diagnosis);
  const isLow = side === low;
  const ordered = [
    ...retrieve(facts, "ServiceRequest", side.followUp),
    ...retrieve(facts, "ServiceRequest", side.referral),
    ...retrieve(facts, "MedicationRequest", side.medications),
  ].filter(
    (r) =>
      !isNegated(r) &&
      r.authoredOn !== null &&
      (inValueSet(r.reasonCodes, side.diagnosis) ||
        diagnoses.some(({ prevalence }) => startsOnOrBefore(prevalence, r.authoredOn!) && (!isLow || (r.authoredOn! >= mp.lo && r.authoredOn! <= mp.hi)))),
  );
  const performed = retrieve(facts, "Procedure", side.followUp).filter((p) => {
    if (isNegated(p) || !p.timing || p.timing.loUnknown) return false;
    const start = p.timing.lo;
    const byReason = inValueSet(p.reasonCodes, side.diagnosis) && (!isLow || p.status === "completed");
    const byDiagnosis = diagnoses.some(
      ({ c, prevalence }) => (!isLow || hasCategory(c, "health-concern")) && startsOnOrBefore(prevalence, start) && notEndedBefore(prevalence, start) && (!isLow || during(p.timing, mp)),
    );
    return byReason || byDiagnosis;
  });
  return [
    ...ordered.filter((r) => startsDuring({ lo: r.authoredOn!, hi: r.authoredOn! }, mp)).map((r) => ({ label: r.resourceType === "MedicationRequest" ? "medication ordered" : "follow-up ordered", day: r.authoredOn! })),
    ...performed.filter((p) => startsDuring(p.timing, mp)).map((p) => ({ label: "follow-up performed", day: p.timing!.lo })),
  ];
}

function isPregnant(facts: QmFacts, mp: Span): boolean {
  return (
    retrieve(facts, "Condition", vs.pregnancyOrOtherRelatedDiagnoses).some((c) => overlaps(prevalenceInterval(c), mp)) ||
    retrieve(facts, "Observation").some(
      (o) => hasCode(o.codes, systems.loinc, pregnancyStatusCode) && finalResult.includes(o.status ?? "") && inValueSet(o.value.codes, vs.pregnancyOrOtherRelatedDiagnoses) && overlaps(o.timing, mp),
    )
  );
}

/** Exceptions must be documented on the day of a qualifying encounter. */
function exception(facts: QmFacts, encounterDays: Set<number>, reasons: string[]): boolean {
  const onEncounterDay = (day: number | null) => day !== null && encounterDays.has(day);
  const noFollowUp =
    [vs.referralsWhereWeightAssessmentMayOccur, vs.followUpAboveNormalBmi, vs.followUpBelowNormalBmi].some((oid) =>
      retrieve(facts, "ServiceRequest", oid).some((s) => s.doNotPerform && s.status === "completed" && onEncounterDay(s.authoredOn) && inValueSet(s.statusReason, vs.medicalReason)),
    ) ||
    [vs.medicationsForAboveNormalBmi, vs.medicationsForBelowNormalBmi].some((oid) =>
      retrieve(facts, "MedicationRequest", oid).some((m) => m.doNotPerform && m.status === "completed" && onEncounterDay(m.authoredOn) && inValueSet(m.reasonCodes, vs.medicalReason)),
    );
  if (noFollowUp) {
    reasons.push("Exception: a medical reason for no BMI follow-up on the day of the visit.");
    return true;
  }
  const noBmi = retrieve(facts, "Observation").some(
    (o) =>
      hasCode(o.codes, systems.loinc, bmiCode) &&
      o.status === "cancelled" &&
      o.timing !== null &&
      !o.timing.hiUnknown &&
      onEncounterDay(o.timing.hi) &&
      (inValueSet(o.statusReason, vs.patientDeclined) || inValueSet(o.statusReason, vs.medicalReason)),
  );
  if (noBmi) reasons.push("Exception: BMI not measured (medical reason or patient declined) on the day of the visit.");
  return noBmi;
}

function numerator(facts: QmFacts, mp: Span, reasons: string[]): boolean {
  const bmis = bmisInPeriod(facts, mp);
  if (bmis.length === 0) {
    reasons.push("Numerator: no BMI documented in the period.");
    return false;
  }
  const highs = bmis.filter((o) => o.value.number! >= 25);
  const lows = bmis.filter((o) => o.value.number! < 18.5);
  if (highs.length === 0 && lows.length === 0) {
    reasons.push(`Numerator: normal BMI (${bmis.map((o) => `${o.value.number} on ${describeDay(o.timing!.hi)}`).join(", ")}).`);
    return true;
  }
  for (const [found, side, label] of [[highs, high, "above"], [lows, low, "below"]] as const) {
    if (found.length === 0) continue;
    const plan = followUps(facts, mp, side);
    reasons.push(`Numerator: BMI ${label} normal (${found.map((o) => o.value.number).join(", ")}); ${plan.length > 0 ? plan.map((p) => `${p.label} on ${describeDay(p.day)}`).join(", ") : "no follow-up plan in the period"}.`);
    if (plan.length > 0) return true;
  }
  return false;
}

function evaluate(facts: QmFacts, mp: Span, reasons: string[]) {
  const encounters = qualifyingEncounters(facts, mp);
  const adultVisit = encounters.some((e) => ageInYearsAt(facts, e.timing!.lo) >= 18);
  reasons.push(adultVisit ? "A qualifying in-person visit at 18 or older in the period." : "No qualifying in-person visit at 18 or older in the period.");
  return [
    proportionGroup({
      ip: adultVisit,
      denex: () => {
        const checks: [string, () => boolean][] = [
          ["hospice care in the period", () => hasHospiceServices(facts, mp, isEncounterFinished)],
          ["palliative care in the period", () => hasPalliativeCare(facts, mp, isEncounterFinished)],
          ["pregnant during the period", () => isPregnant(facts, mp)],
        ];
        const hit = checks.find(([, check]) => check());
        if (hit) reasons.push(`Excluded: ${hit[0]}.`);
        return hit !== undefined;
      },
      numer: () => numerator(facts, mp, reasons),
      denexcep: () => exception(facts, new Set(encounters.map((e) => e.timing!.lo)), reasons),
    }),
  ];
}

export const cms69Versions: readonly QualityMeasureDefinition[] = [
  {
    cmsId: "CMS69",
    version: "CMS69v14",
    performanceYear: 2026,
    title: "Preventive Care and Screening: Body Mass Index (BMI) Screening and Follow-Up Plan",
    valueSets: Object.values(vs),
    gapAction: "Measure height and weight for a BMI; if it is outside 18.5–25, document a follow-up plan (nutrition or exercise counseling, referral, or medication).",
    evaluate,
  },
];
