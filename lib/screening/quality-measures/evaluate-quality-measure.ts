import { codeSetSchema, matchCodeSet, type CodeSet } from "../code-set";
import { computeAgeInYears, formatDay, parseIsoDate, type DayNumber } from "../calendar-date";
import type { Criterion, QualityMeasureDefinition } from "./measure-definition";
import { ageAt, describeWindow, inWindow, resolveWindow, type DayWindow } from "./measurement-windows";
import type { MeasurementPeriod, QualityEvent, QualityFacts, QualityMeasureResult } from "./quality-facts";
import type { CodeSetInputLike } from "./shared-value-sets";

const compiled = new WeakMap<CodeSetInputLike, CodeSet>();
const codeSet = (input: CodeSetInputLike) => {
  let set = compiled.get(input);
  if (!set) compiled.set(input, (set = codeSetSchema.parse(input)));
  return set;
};

// Only events that happened count: finished visits, completed procedures, final results, and
// conditions that were not refuted.
const okStatus: Record<QualityEvent["kind"], (status: string | null) => boolean> = {
  encounter: (s) => s === null || ["finished", "in-progress", "arrived", "triaged", "onleave"].includes(s),
  procedure: (s) => s === "completed",
  observation: (s) => s === null || ["final", "amended", "corrected", "preliminary"].includes(s),
  diagnostic_report: (s) => s === null || ["final", "amended", "corrected", "appended", "preliminary", "partial"].includes(s),
  condition: (s) => s === null || !["refuted", "entered-in-error"].includes(s),
  intervention: (s) => s === null || !["revoked", "entered-in-error", "not-done", "cancelled", "stopped"].includes(s),
};

type Found = { event: QualityEvent; day: DayNumber };

/** The matching events of a criterion, newest first. */
function findEvents(facts: QualityFacts, criterion: Criterion, window: DayWindow): Found[] {
  const birth = parseIsoDate(facts.birthDate);
  const found: Found[] = [];
  for (const event of facts.events) {
    if (!criterion.kinds.includes(event.kind) || !okStatus[event.kind](event.status)) continue;
    if (criterion.codes && matchCodeSet(codeSet(criterion.codes), event.codes) === null) continue;
    if (criterion.valueCodes && matchCodeSet(codeSet(criterion.valueCodes), event.valueCodes) === null) continue;
    if (criterion.requiresValue && !event.hasValue) continue;
    const start = parseIsoDate(event.start);
    const end = parseIsoDate(event.end);
    let day: DayNumber | null;
    if (criterion.match === "overlaps") {
      // A period overlaps when it starts by the window's end and has not ended before it starts.
      const from = start ?? end;
      if (from === null || from > window.to || (end !== null && window.from !== null && end < window.from)) continue;
      day = from;
    } else {
      day = end ?? start;
      if (day === null || !inWindow(day, window)) continue;
    }
    if (criterion.ageAtEvent && birth !== null) {
      const age = computeAgeInYears(birth, day);
      if ((criterion.ageAtEvent.min !== undefined && age < criterion.ageAtEvent.min) || (criterion.ageAtEvent.max !== undefined && age > criterion.ageAtEvent.max)) continue;
    }
    found.push({ event, day });
  }
  return found.sort((a, b) => b.day - a.day || (a.event.id < b.event.id ? -1 : 1));
}

const describe = (criterion: Criterion, found: Found) => `${criterion.label} on ${formatDay(found.day)} (${found.event.kind} ${found.event.id})`;

/**
 * One patient, one measure, one measurement period: initial population, denominator exclusion and
 * numerator the way the eCQM counts them, plus reasons and the action that would close a gap. Pure;
 * works for any period because every window derives from the period's own dates.
 */
export function evaluateQualityMeasure(facts: QualityFacts, measure: QualityMeasureDefinition, period: MeasurementPeriod): QualityMeasureResult {
  const reasons: string[] = [];
  const age = ageAt(facts.birthDate, period, measure.ageRange.at);
  const inAge = age !== null && age >= measure.ageRange.min && age <= measure.ageRange.max;
  reasons.push(age === null ? "No birth date." : `Age ${age} at the ${measure.ageRange.at} of the period (${measure.ageRange.min}–${measure.ageRange.max} required).`);
  const sexOk = measure.sex === "any" || facts.sex === measure.sex;
  if (!sexOk) reasons.push(`Measure applies to ${measure.sex} patients only.`);
  const visitWindow = resolveWindow(measure.qualifyingEncounter.window, period);
  const visit = findEvents(facts, measure.qualifyingEncounter, visitWindow)[0];
  reasons.push(visit ? `Qualifying visit: ${describe(measure.qualifyingEncounter, visit)}.` : `No qualifying visit ${describeWindow(visitWindow)}.`);
  let populationOk = true;
  for (const criterion of measure.population) {
    const hit = findEvents(facts, criterion, resolveWindow(criterion.window, period))[0];
    reasons.push(hit ? `Population: ${describe(criterion, hit)}.` : `Population: no ${criterion.label} in the period.`);
    populationOk &&= hit !== undefined;
  }
  const qualifyingEncounter = visit !== undefined;
  const base = { measure: measure.cmsId, qualifyingEncounter, reasons };
  if (!(inAge && sexOk && populationOk && qualifyingEncounter)) {
    return { ...base, ip: 0, denom: 0, denex: 0, numer: 0, status: "not_in_population", gapAction: null };
  }

  for (const group of measure.exclusions) {
    const hits = group.map((criterion) => findEvents(facts, criterion, resolveWindow(criterion.window, period))[0]);
    if (hits.every((hit) => hit !== undefined)) {
      reasons.push(`Excluded: ${group.map((criterion, i) => describe(criterion, hits[i]!)).join("; ")}.`);
      return { ...base, ip: 1, denom: 1, denex: 1, numer: 0, status: "excluded", gapAction: null };
    }
  }

  const met = numeratorMet(facts, measure, period, reasons);
  return { ...base, ip: 1, denom: 1, denex: 0, numer: met ? 1 : 0, status: met ? "met" : "not_met", gapAction: met ? null : measure.gapAction };
}

function numeratorMet(facts: QualityFacts, measure: QualityMeasureDefinition, period: MeasurementPeriod, reasons: string[]): boolean {
  const numerator = measure.numerator;
  if (numerator.kind === "latestValueAbove") {
    const window = resolveWindow(numerator.criterion.window, period);
    const latest = findEvents(facts, numerator.criterion, window)[0];
    if (!latest) {
      reasons.push(`No ${numerator.criterion.label} ${describeWindow(window)} (counts as poor control).`);
      return true;
    }
    const value = latest.event.valueNumber;
    reasons.push(`Latest ${describe(numerator.criterion, latest)}: ${value === null ? "no result value" : `${value}`} (above ${numerator.threshold} or missing counts).`);
    return value === null || value > numerator.threshold;
  }
  for (const criterion of numerator.criteria) {
    const window = resolveWindow(criterion.window, period);
    const hit = findEvents(facts, criterion, window)[0];
    if (hit) {
      reasons.push(`Met by ${describe(criterion, hit)}, inside ${describeWindow(window)}.`);
      return true;
    }
  }
  reasons.push(`None of: ${numerator.criteria.map((c) => `${c.label} (${describeWindow(resolveWindow(c.window, period))})`).join(", ")}.`);
  return false;
}
