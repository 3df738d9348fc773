// Reference engine: the straightforward pre-optimisation code, kept only as the oracle for
// evaluate-screenings.equivalence.test.ts. Production code must not import it.
import type { DayNumber } from "../calendar-date";
import { isCodeSetEmpty, matchCodeSet } from "../code-set";
import {
  buildEvidenceItem, canFallBackToText, datedFields, isConditionApplicable, resolveFactDate,
} from "./fact-helpers";
import { getTypeMatchers, prepareFactText } from "./get-type-matchers";
import { findKeywordMatches } from "../match-keywords";
import type { ObservationFact, PatientFacts } from "../patient-facts";
import type { EvidenceItem } from "../screening-result";
import { compareEvidence } from "./compare-evidence";
import type { ObservationTrigger, ScreeningType, Trigger } from "../screening-type";

const resultStatuses = new Set(["final", "amended", "corrected"]);

/** Conditions and observations that make the patient a candidate, e.g. obesity for diabetes screening. */
export function findTriggerEvidence(
  facts: PatientFacts,
  type: ScreeningType,
  trigger: Trigger,
  asOf: DayNumber,
): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const matcher = getTypeMatchers(type).triggers;
  for (const condition of facts.conditions) {
    if (!isConditionApplicable(condition, asOf, trigger.includeResolved)) continue;
    const base = { source: "condition", sourceId: condition.id, role: "trigger", ...datedFields(resolveFactDate(condition.onset, asOf)) } as const;
    const code = matchCodeSet(trigger.codes, condition.codes);
    if (code) {
      items.push(buildEvidenceItem({ ...base, matchedBy: "code", use: "counted", code }));
      continue;
    }
    if (matcher.termCount === 0 || !canFallBackToText(condition.codes, trigger.codes)) continue;
    const matches = findKeywordMatches(matcher, prepareFactText(condition));
    // "History of" still means the patient has had the condition; negation or family history does not.
    const hit = matches.find((m) => m.context === "affirmed" || m.context === "historical") ?? matches[0];
    if (!hit) continue;
    const counted = hit.context === "affirmed" || hit.context === "historical";
    items.push(
      buildEvidenceItem({
        ...base, matchedBy: "text", use: counted ? "counted" : "ignored", term: hit.phrase, snippet: hit.snippet,
        context: hit.context, note: counted ? null : `condition text is ${hit.context} ("${hit.cue}")`,
      }),
    );
  }
  for (const rule of trigger.observations) items.push(...matchObservationTrigger(facts.observations, rule, asOf));
  return items.sort(compareEvidence);
}

function matchObservationTrigger(observations: readonly ObservationFact[], rule: ObservationTrigger, asOf: DayNumber): EvidenceItem[] {
  const candidates = observations
    .filter((o) => resultStatuses.has(o.status) && matchCodeSet(rule.codes, o.codes) !== null)
    .map((o) => ({ o, date: resolveFactDate(o.effective, asOf) }))
    .filter((c) => c.date.kind === "dated")
    .sort((a, b) => dayOf(b.date) - dayOf(a.date) || (a.o.id < b.o.id ? -1 : a.o.id > b.o.id ? 1 : 0));
  // latestOnly rules describe a current state (BMI today), so older readings must not re-qualify.
  const considered = rule.latestOnly ? candidates.slice(0, 1) : candidates;
  const items: EvidenceItem[] = [];
  for (const { o, date } of considered) {
    const codeOk = isCodeSetEmpty(rule.valueCodes) || matchCodeSet(rule.valueCodes, o.valueCodes) !== null;
    const valueOk = rule.minValue === null || (o.valueNumber !== null && o.valueNumber >= rule.minValue);
    const ok = codeOk && valueOk;
    items.push(
      buildEvidenceItem({
        source: "observation", sourceId: o.id, role: "trigger", matchedBy: "code", use: ok ? "counted" : "ignored",
        code: matchCodeSet(rule.codes, o.codes), ...datedFields(date),
        note: ok ? null : "observation value does not meet the trigger",
      }),
    );
  }
  return items;
}

function dayOf(date: ReturnType<typeof resolveFactDate>): number {
  return date.kind === "dated" ? date.day : Number.NEGATIVE_INFINITY;
}
