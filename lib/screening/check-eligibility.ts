import { dayOfReachingAge, type DayNumber } from "./calendar-date";
import { compileScreeningType, type CompiledType } from "./compile-screening-types";
import { factDay } from "./fact-helpers";
import { findTriggerEvidence } from "./find-trigger-evidence";
import { indexPatientFacts, type PatientIndex } from "./index-patient-facts";
import type { PatientFacts } from "./patient-facts";
import type { ScreeningType } from "./screening-type";
import type { EvidenceItem } from "./screening-result";

export type EligibilityOutcome =
  | { eligible: false; unknown: boolean; reasons: string[]; evidence: EvidenceItem[] }
  | {
      eligible: true;
      reasons: string[];
      evidence: EvidenceItem[];
      /** Sex for clinical use is unknown/other and the type's rule is `review`. */
      reviewSex: boolean;
      /** First day the patient met every criterion, when known; used to tell Due from Overdue. */
      eligibleSince: DayNumber | null;
    };

function describeRange(minAge: number | null, maxAge: number | null): string {
  if (minAge !== null && maxAge !== null) return `${minAge}–${maxAge}`;
  return minAge !== null ? `${minAge}+` : `0–${maxAge ?? 0}`;
}

/**
 * The age sentences of one compiled type, by age, for one asOf: every patient of an age reads the
 * same words, so each sentence is built once per run instead of once per patient and type.
 */
export type AgeReasons = { asOfText: string; range: string; within: (string | undefined)[]; outside: (string | undefined)[] };

const memoAges = 150;

function ageReason(compiled: CompiledType, age: number, asOfText: string, within: boolean): string {
  let memo = compiled.ageReasons;
  if (memo === null || memo.asOfText !== asOfText) {
    const range = memo?.range ?? describeRange(compiled.type.eligibility.minAge, compiled.type.eligibility.maxAge);
    memo = { asOfText, range, within: [], outside: [] };
    compiled.ageReasons = memo;
  }
  const list = within ? memo.within : memo.outside;
  const memoised = age >= 0 && age <= memoAges ? list[age] : undefined;
  if (memoised !== undefined) return memoised;
  const reason = within
    ? `Age ${age} on ${asOfText} is within the age range ${memo.range}.`
    : `Age ${age} on ${asOfText} is outside the age range ${memo.range}.`;
  if (age >= 0 && age <= memoAges && Number.isInteger(age)) list[age] = reason;
  return reason;
}

/** dayOfReachingAge for the index's patient, memoised by age: types share a few minimum ages. */
function reachingAge(index: PatientIndex, birth: DayNumber, years: number): DayNumber {
  const memo = (index.reachingAge ??= []);
  let day = memo[years];
  if (day === undefined) {
    day = dayOfReachingAge(birth, years);
    memo[years] = day;
  }
  return day;
}

// A female-only screening for a male patient and the reverse: the only two mismatch sentences.
const sexMismatch: Record<string, string> = {
  female: "Screening applies to female patients; sex for clinical use is male.",
  male: "Screening applies to male patients; sex for clinical use is female.",
};

/** Age on asOf, sex for clinical use, then trigger conditions, each with a reason a clinician can read. */
export function checkEligibility(facts: PatientFacts, type: ScreeningType, asOf: DayNumber): EligibilityOutcome {
  const list = compileScreeningType(type);
  const [compiled] = list.types;
  if (!compiled) throw new Error("compiled type list is empty");
  return checkIndexedEligibility(indexPatientFacts(facts, list, asOf), compiled, asOf);
}

/** checkEligibility over a patient index shared by every type of one call. */
export function checkIndexedEligibility(index: PatientIndex, compiled: CompiledType, asOf: DayNumber): EligibilityOutcome {
  const { minAge, maxAge, sex, unknownSexRule, note } = compiled.type.eligibility;
  const reasons: string[] = [];
  const { asOfText, birthDay: birth } = index;
  let eligibleSince: DayNumber | null = birth;

  if (minAge !== null || maxAge !== null) {
    if (birth === null || index.ageOnAsOf === null) {
      return { eligible: false, unknown: true, reasons: ["Birth date is missing or invalid, so age cannot be checked."], evidence: [] };
    }
    const age = index.ageOnAsOf;
    if ((minAge !== null && age < minAge) || (maxAge !== null && age > maxAge) || birth > asOf) {
      return { eligible: false, unknown: false, reasons: [ageReason(compiled, age, asOfText, false)], evidence: [] };
    }
    reasons.push(ageReason(compiled, age, asOfText, true));
    if (minAge !== null) eligibleSince = reachingAge(index, birth, minAge);
  }

  let reviewSex = false;
  const patientSex = index.facts.patient.sexForClinicalUse;
  if (sex !== "any") {
    if (patientSex === "female" || patientSex === "male") {
      if (patientSex !== sex) return { eligible: false, unknown: false, reasons: [sexMismatch[sex] as string], evidence: [] };
    } else if (unknownSexRule === "exclude") {
      return { eligible: false, unknown: false, reasons: [`Sex for clinical use is ${patientSex}; this ${sex}-only screening is set to exclude such patients.`], evidence: [] };
    } else {
      reviewSex = unknownSexRule === "review";
      reasons.push(
        `Sex for clinical use is ${patientSex}; evaluated as eligible for this ${sex}-only screening` +
          (reviewSex ? " pending clinician confirmation." : "."),
      );
    }
  }

  let evidence: EvidenceItem[] = [];
  if (compiled.trigger !== null) {
    evidence = findTriggerEvidence(index, compiled.trigger);
    // The first counted item names the trigger; the trigger start is the earliest dated counted
    // item, unknown when none is dated.
    let first: EvidenceItem | null = null;
    let triggerStart: DayNumber | null = null;
    for (const item of evidence) {
      if (item.use !== "counted") continue;
      first ??= item;
      const day = factDay(item.date);
      if (day !== null && (triggerStart === null || day < triggerStart)) triggerStart = day;
    }
    if (first === null) {
      return { eligible: false, unknown: false, reasons: ["No qualifying trigger condition or observation on record."], evidence };
    }
    reasons.push(`Trigger met by ${first.source} ${first.code ? `${first.code.system} ${first.code.code}` : `"${first.term}"`}.`);
    eligibleSince = triggerStart === null || eligibleSince === null ? null : Math.max(eligibleSince, triggerStart);
  }
  if (note) reasons.push(note);
  return { eligible: true, reasons, evidence, reviewSex, eligibleSince };
}
