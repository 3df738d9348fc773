import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import { hasCommonExclusions, qualifyingEncounters, vs as common } from "../common-libraries";
import {
  ageInYearsAt, describeDay, during, earliest, inValueSet, isPhysicalExamPerformed, isVerified, overlaps, prevalenceInterval,
  proportionGroup, retrieve, startsOnOrBefore, systems, yearsBefore, is, isEncounterFinished, isEncounterPerformed,
} from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS131 Diabetes: Eye Exam. Diabetics 18–75 with a visit in the period meet it with a retinal or
 * dilated eye exam by an eye care professional in the period (or, without retinopathy in the period,
 * in the year before). 2026 (v14) adds an autonomous AI eye exam in the period, per-eye severity-level
 * findings (retinopathy in the period, "no apparent retinopathy" in the year before), and excludes
 * bilateral absence of the eyes. Excluded: hospice, palliative care, 66+ frail with advanced illness
 * or in a nursing home.
 */
const vs = valueSetsNamed(
  "diabetes", "diabeticRetinopathy", "retinalOrDilatedEyeExam", "autonomousEyeExamResultOrFinding", "diabeticRetinopathySeverityLevel",
  "ophthalmologicalServices",
);

const code = {
  autonomousEyeExam: [systems.loinc, "105914-6"],
  leftEyeSeverity: [systems.loinc, "71490-7"],
  rightEyeSeverity: [systems.loinc, "71491-5"],
  noApparentRetinopathy: [systems.loinc, "LA18643-9"],
  bilateralAnophthalmos: [systems.snomed, "15665641000119103"],
} as const satisfies Record<string, readonly [string, string]>;

const encounters = [
  common.officeVisit, common.annualWellnessVisit, common.preventiveEstablished18Up, common.preventiveInitial18Up,
  common.homeHealthcareServices, vs.ophthalmologicalServices, common.telephoneVisits,
];

/**
 * What differs between the years. v14 (QI-Core 6 Status library): encounters count only when
 * finished, conditions must be verified, and the severity-level findings, autonomous exam and
 * anophthalmos exclusion exist.
 */
type Version = { v14: boolean };

const exams = (facts: QmFacts, c: readonly [string, string]) => retrieve(facts, "Observation").filter((o) => is(o.codes, c) && isPhysicalExamPerformed(o));

function numerator(facts: QmFacts, mp: Span, version: Version, reasons: string[]): boolean {
  const verified = (c: QmResource) => !version.v14 || isVerified(c);
  const retinopathy = retrieve(facts, "Condition", vs.diabeticRetinopathy).some((c) => verified(c) && overlaps(prevalenceInterval(c), mp));
  const retinalExams = retrieve(facts, "Observation", vs.retinalOrDilatedEyeExam).filter(isPhysicalExamPerformed);
  const examIn = (window: Span) => retinalExams.find((o) => during(o.timing, window));
  const mpAndYearBefore: Span = { lo: yearsBefore(mp.lo, 1), hi: mp.hi };
  // A retinal exam in the period always counts; in the year before only without retinopathy in the period.
  const exam = examIn(mp) ?? (retinopathy ? undefined : examIn(mpAndYearBefore));
  reasons.push(retinopathy ? "Diabetic retinopathy in the period: the eye exam must be in the period." : "No diabetic retinopathy in the period: an eye exam in the period or the year before counts.");
  if (exam) {
    reasons.push(`Numerator: retinal or dilated eye exam on ${describeDay(earliest(exam.timing))}.`);
    return true;
  }
  if (!version.v14) {
    reasons.push("Numerator: no qualifying retinal or dilated eye exam.");
    return false;
  }
  const autonomous = exams(facts, code.autonomousEyeExam).some((o) => inValueSet(o.value.codes, vs.autonomousEyeExamResultOrFinding) && during(o.timing, mp));
  // Per-eye findings: a severity level in the period for an eye, or "no apparent retinopathy" for it in the year before.
  const yearBefore: Span = { lo: yearsBefore(mp.lo, 1), hi: yearsBefore(mp.hi, 1) };
  const severityIn = (eye: readonly [string, string]) => exams(facts, eye).some((o) => inValueSet(o.value.codes, vs.diabeticRetinopathySeverityLevel) && during(o.timing, mp));
  const noneYearBefore = (eye: readonly [string, string]) => exams(facts, eye).some((o) => is(o.value.codes, code.noApparentRetinopathy) && during(o.timing, yearBefore));
  const [left, right] = [severityIn(code.leftEyeSeverity), severityIn(code.rightEyeSeverity)];
  const [leftPrior, rightPrior] = [noneYearBefore(code.leftEyeSeverity), noneYearBefore(code.rightEyeSeverity)];
  const findings = (left && right) || (left && rightPrior) || (right && leftPrior) || (leftPrior && rightPrior);
  if (autonomous) reasons.push("Numerator: autonomous AI eye exam in the period.");
  if (findings) reasons.push("Numerator: retinal exam findings (severity level) for both eyes.");
  if (!autonomous && !findings) reasons.push("Numerator: no qualifying eye exam or retinal findings.");
  return autonomous || findings;
}

function evaluate(version: Version) {
  return (facts: QmFacts, mp: Span, reasons: string[]) => {
    const age = ageInYearsAt(facts, mp.hi);
    const visit = qualifyingEncounters(facts, encounters, mp, version.v14 ? isEncounterFinished : isEncounterPerformed).length > 0;
    const diabetes = retrieve(facts, "Condition", vs.diabetes).some((c) => (!version.v14 || isVerified(c)) && overlaps(prevalenceInterval(c), mp));
    reasons.push(`Age ${age} at the end of the period (18–75); ${visit ? "a qualifying visit" : "no qualifying visit"} in the period; ${diabetes ? "diabetes" : "no diabetes"} in the period.`);
    const anophthalmos = () =>
      version.v14 &&
      retrieve(facts, "Condition").some((c) => is(c.codes, code.bilateralAnophthalmos) && isVerified(c) && startsOnOrBefore(prevalenceInterval(c), mp.hi)) &&
      (reasons.push("Excluded: bilateral absence of the eyes."), true);
    return [
      proportionGroup({
        ip: age >= 18 && age <= 75 && visit && diabetes,
        denex: () => hasCommonExclusions(facts, mp, reasons) || anophthalmos(),
        numer: () => numerator(facts, mp, version, reasons),
      }),
    ];
  };
}

const shared = {
  cmsId: "CMS131",
  title: "Diabetes: Eye Exam",
  gapAction: "Refer for a retinal or dilated eye exam by an ophthalmologist or optometrist (or an autonomous AI retinal screening).",
};

export const cms131Versions: readonly QualityMeasureDefinition[] = [
  { ...shared, version: "CMS131v13", performanceYear: 2025, valueSets: [vs.diabetes, vs.diabeticRetinopathy, vs.retinalOrDilatedEyeExam, ...encounters], evaluate: evaluate({ v14: false }) },
  { ...shared, version: "CMS131v14", performanceYear: 2026, valueSets: [...Object.values(vs), ...encounters], evaluate: evaluate({ v14: true }) },
];
