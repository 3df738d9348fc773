import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import { qualifyingEncounters } from "../common-libraries";
import {
  ageInYearsAt, describeDay, earliest, hasCategory, hasCode, inValueSet, isEncounterFinished, isVerified, prevalenceInterval, proportionGroup, retrieve, systems,
} from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS349 HIV Screening: patients 15–65 at the start of the period with an outpatient or preventive
 * visit in it who have ever had an HIV test (with a result) taken between their 15th and 66th
 * birthdays. Excluded: HIV diagnosed before the period. 2026 adds a denominator exception for
 * patients who died by the end of the period.
 */
const vs = valueSetsNamed(
  "hivLabTests", "hiv", "officeVisit", "preventiveInitial0To17", "preventiveInitial18Up", "preventiveEstablished0To17",
  "preventiveEstablished18Up",
);
/** The generic panel the guidance says to use when the specific HIV test code is not known. */
const hivPanel = [systems.loinc, "75622-1"] as const;
const encounters = [vs.preventiveInitial0To17, vs.preventiveInitial18Up, vs.preventiveEstablished0To17, vs.preventiveEstablished18Up, vs.officeVisit];

type Version = {
  /** 2026 retrieves LaboratoryResultObservation (category laboratory); 2025 any Observation. */
  labProfile: boolean;
  /** 2026 `starts before day of end of MP`; 2025 `starts before end of MP` (the last day still counts). */
  testBeforeLastDay: boolean;
  /** 2026 isVerified(); 2025 only `verificationStatus !~ refuted`. */
  strictVerification: boolean;
  /** 2026: "Patient Expired" on or before the end of the period is a denominator exception. */
  deathException: boolean;
};

function hivTests(facts: QmFacts, mp: Span, v: Version): QmResource[] {
  const candidates = retrieve(facts, "Observation").filter((o) => inHivTests(o) && (!v.labProfile || hasCategory(o, "laboratory")));
  return candidates.filter((o) => {
    const start = earliest(o.timing);
    if (start === null || o.timing?.loUnknown || !o.value.present) return false;
    if (!["final", "amended", "corrected"].includes(o.status ?? "")) return false;
    const age = ageInYearsAt(facts, start);
    return age >= 15 && age <= 65 && (v.testBeforeLastDay ? start < mp.hi : start <= mp.hi);
  });
}
const inHivTests = (o: QmResource) => inValueSet(o.codes, vs.hivLabTests) || hasCode(o.codes, ...hivPanel);

function evaluate(v: Version) {
  return (facts: QmFacts, mp: Span, reasons: string[]) => {
    const age = ageInYearsAt(facts, mp.lo);
    const visit = qualifyingEncounters(facts, encounters, mp, isEncounterFinished).length > 0;
    reasons.push(`Age ${age} at the start of the period (15–65); ${visit ? "an outpatient or preventive visit" : "no outpatient or preventive visit"} in the period.`);
    return [
      proportionGroup({
        ip: age >= 15 && age <= 65 && visit,
        denex: () =>
          retrieve(facts, "Condition", vs.hiv).some((c) => {
            const verified = v.strictVerification ? isVerified(c) : c.verificationStatus !== "refuted";
            const interval = prevalenceInterval(c);
            return verified && !interval.loUnknown && interval.lo < mp.lo && (reasons.push("Excluded: HIV diagnosed before the period."), true);
          }),
        numer: () => {
          const tests = hivTests(facts, mp, v);
          reasons.push(tests.length > 0 ? `Numerator: HIV test on ${describeDay(earliest(tests[0]!.timing))}.` : "Numerator: no HIV test with a result between the 15th and 66th birthdays.");
          return tests.length > 0;
        },
        denexcep: () => v.deathException && facts.deceased !== null && facts.deceased <= mp.hi && (reasons.push(`Exception: died on ${describeDay(facts.deceased)}.`), true),
      }),
    ];
  };
}

const shared = {
  cmsId: "CMS349",
  title: "HIV Screening",
  valueSets: [...Object.values(vs)],
  gapAction: "Offer an HIV test (antibody/antigen); a test documented elsewhere counts only with its lab result on file.",
};

export const cms349Versions: readonly QualityMeasureDefinition[] = [
  { ...shared, version: "CMS349v7", performanceYear: 2025, evaluate: evaluate({ labProfile: false, testBeforeLastDay: false, strictVerification: false, deathException: false }) },
  { ...shared, version: "CMS349v8", performanceYear: 2026, evaluate: evaluate({ labProfile: true, testBeforeLastDay: true, strictVerification: true, deathException: true }) },
];
