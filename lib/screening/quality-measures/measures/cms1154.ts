import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import {
  ageInYearsAt, describeDay, during, earliest, endsDuring, hasCategory, hasCode, inValueSet, isVerified, overlaps, prevalenceInterval,
  numeratorMetBy, proportionGroup, retrieve, systems, yearsBefore, isEncounterFinished,
} from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS1154 Screening for Prediabetes: adults 35–70 at the start of the period with a preventive visit
 * or two outpatient visits in it, whose most recent BMI is ≥25 (≥23 for Asian patients), screened
 * with a glycemic test (HbA1c, fasting glucose, OGTT) in the period. Excluded: pregnancy in the
 * period, advanced illness or limited life expectancy, diabetes or prediabetes in the two years
 * before the period, or a glycemic test already done in those two years.
 */
const vs = valueSetsNamed(
  "glycemicScreeningTests", "preventiveClinicalEncounters", "outpatientClinicalEncounters", "pregnancy", "advancedIllness",
  "limitedLifeExpectancy", "diabetes", "prediabetes",
);
const code = {
  bmi: [systems.loinc, "39156-5"], // US Core BMI profile's code
  pregnancyStatus: [systems.loinc, "82810-3"], // US Core Pregnancy Status profile's code
  asian: ["urn:oid:2.16.840.1.113883.6.238", "2028-9"], // CDC Race & Ethnicity
} as const;
const resulted = (o: QmResource) => ["final", "amended", "corrected"].includes(o.status ?? "");

/** LaboratoryResultObservation in the glycemic screening value set, resulted, inside the window. */
const glycemicTests = (facts: QmFacts, window: Span) =>
  retrieve(facts, "Observation", vs.glycemicScreeningTests).filter((o) => hasCategory(o, "laboratory") && resulted(o) && during(o.timing, window));

/** "Most Recent BMI": the latest resulted BMI by start of its effective time (the logic does not bound it to the period). */
function mostRecentBmi(facts: QmFacts): QmResource | undefined {
  return retrieve(facts, "Observation")
    .filter((o) => hasCode(o.codes, ...code.bmi) && resulted(o) && earliest(o.timing) !== null)
    .sort((a, b) => earliest(b.timing)! - earliest(a.timing)!)[0];
}

function exclusions(facts: QmFacts, mp: Span, reasons: string[]): boolean {
  // "Look Back Period": [start of the period − 2 years, start of the period).
  const lookBack: Span = { lo: yearsBefore(mp.lo, 2), hi: mp.lo - 1 };
  const conditions = (...oids: string[]) => retrieve(facts, "Condition").filter((c) => oids.some((oid) => inValueSet(c.codes, oid)) && isVerified(c));
  const checks: [string, () => boolean][] = [
    ["pregnant during the period", () =>
      retrieve(facts, "Observation").some((o) => hasCode(o.codes, ...code.pregnancyStatus) && inValueSet(o.value.codes, vs.pregnancy) && overlaps(o.timing, mp)) ||
      conditions(vs.pregnancy).some((c) => overlaps(prevalenceInterval(c), mp))],
    // `onset before day of end of the period`: a point onset before the last day, a period onset ending before it.
    ["advanced illness or limited life expectancy", () =>
      conditions(vs.advancedIllness, vs.limitedLifeExpectancy).some((c) => c.timing !== null && !c.timing.hiUnknown && c.timing.hi < mp.hi)],
    ["diabetes in the two years before the period", () => conditions(vs.diabetes).some((c) => overlaps(prevalenceInterval(c), lookBack))],
    ["prediabetes in the two years before the period", () => conditions(vs.prediabetes).some((c) => overlaps(prevalenceInterval(c), lookBack))],
    ["glycemic test already done in the two years before the period", () => glycemicTests(facts, lookBack).length > 0],
  ];
  const hit = checks.find(([, check]) => check());
  if (hit) reasons.push(`Excluded: ${hit[0]}.`);
  return hit !== undefined;
}

function evaluate(facts: QmFacts, mp: Span, reasons: string[]) {
  const age = ageInYearsAt(facts, mp.lo);
  const encounters = retrieve(facts, "Encounter").filter(isEncounterFinished);
  const preventive = encounters.some((e) => inValueSet(e.codes, vs.preventiveClinicalEncounters) && endsDuring(e.timing, mp));
  const outpatient = encounters.filter((e) => inValueSet(e.codes, vs.outpatientClinicalEncounters) && during(e.timing, mp)).length;
  const visits = preventive || outpatient >= 2;
  const bmi = mostRecentBmi(facts);
  const asian = hasCode(facts.race, ...code.asian);
  const threshold = asian ? 23 : 25;
  const overweight = bmi?.value.number != null && bmi.value.number >= threshold;
  reasons.push(
    `Age ${age} at the start of the period (35–70); ${preventive ? "a preventive visit" : `${outpatient} outpatient visit(s)`} in the period; ` +
      (bmi ? `most recent BMI ${bmi.value.number ?? "?"} on ${describeDay(earliest(bmi.timing))} (threshold ${threshold}).` : "no BMI on record."),
  );
  return [
    proportionGroup({
      ip: age >= 35 && age <= 70 && visits && overweight,
      denex: () => exclusions(facts, mp, reasons),
      numer: () => numeratorMetBy(glycemicTests(facts, mp)[0], "glycemic screening test", earliest, reasons),
    }),
  ];
}

export const cms1154Versions: readonly QualityMeasureDefinition[] = [
  {
    cmsId: "CMS1154",
    version: "CMS1154v1",
    performanceYear: 2026,
    title: "Screening for Prediabetes",
    valueSets: Object.values(vs),
    gapAction: "Order a glycemic screening test (HbA1c or fasting plasma glucose).",
    evaluate,
  },
];
