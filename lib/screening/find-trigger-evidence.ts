import { matchCodeSet } from "./code-set";
import type { CompiledObservationTrigger, CompiledType } from "./compile-screening-types";
import { buildEvidenceItem, type FactDate } from "./fact-helpers";
import { codeMatchIn, factTextScan, matchesIn, type FactRecord, type PatientIndex } from "./index-patient-facts";
import type { ObservationFact } from "./patient-facts";
import type { EvidenceItem } from "./screening-result";
import { sortEvidence } from "./screening-result";

type DatedRecord = FactRecord & { date: Extract<FactDate, { kind: "dated" }> };

const resultStatuses = new Set(["final", "amended", "corrected"]);

/** Conditions and observations that make the patient a candidate, e.g. obesity for diabetes screening. */
export function findTriggerEvidence(index: PatientIndex, trigger: NonNullable<CompiledType["trigger"]>): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const { matcher, codes, rule } = trigger;
  for (const condition of index.conditions) {
    if (!(rule.includeResolved ? condition.applicableEver : condition.applicableNow)) continue;
    const code = codeMatchIn(condition, codes.id);
    if (code) {
      items.push(buildEvidenceItem({ source: "condition", sourceId: condition.id, role: "trigger", when: condition.date, matchedBy: "code", use: "counted", code }));
      continue;
    }
    // Text only when codes cannot decide: no coding in a system the trigger lists (see canFallBackToText).
    if (matcher.termCount === 0 || (condition.codingMask & codes.listedMask) !== 0) continue;
    const matches = matchesIn(factTextScan(condition, index.list), matcher);
    // "History of" still means the patient has had the condition; negation or family history does not.
    const hit = matches.find((m) => m.context === "affirmed" || m.context === "historical") ?? matches[0];
    if (!hit) continue;
    const counted = hit.context === "affirmed" || hit.context === "historical";
    items.push(
      buildEvidenceItem({
        source: "condition", sourceId: condition.id, role: "trigger", when: condition.date, matchedBy: "text", use: counted ? "counted" : "ignored", term: hit.phrase, snippet: hit.snippet,
        context: hit.context, note: counted ? null : `condition text is ${hit.context} ("${hit.cue}")`,
      }),
    );
  }
  for (const observationRule of trigger.observations) items.push(...matchObservationTrigger(index, observationRule));
  return sortEvidence(items);
}

function matchObservationTrigger(index: PatientIndex, { rule, codes, anyValueCode }: CompiledObservationTrigger): EvidenceItem[] {
  const candidates = (index.bySet[codes.id] ?? [])
    .filter((o): o is DatedRecord => o.source === "observation" && resultStatuses.has(o.status) && o.date.kind === "dated")
    .sort((a, b) => b.date.day - a.date.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // latestOnly rules describe a current state (BMI today), so older readings must not re-qualify.
  const considered = rule.latestOnly ? candidates.slice(0, 1) : candidates;
  const items: EvidenceItem[] = [];
  for (const o of considered) {
    const { observation } = o;
    const codeOk = anyValueCode || matchCodeSet(rule.valueCodes, observation?.valueCodes ?? []) !== null;
    const valueNumber = observation?.valueNumber ?? null;
    const valueOk = rule.minValue === null || (valueNumber !== null && valueNumber >= rule.minValue);
    const ok = codeOk && valueOk;
    items.push(
      buildEvidenceItem({
        source: "observation", sourceId: o.id, role: "trigger", matchedBy: "code", use: ok ? "counted" : "ignored",
        code: codeMatchIn(o, codes.id) ?? null, when: o.date,
        note: ok ? null : describeUnmetObservation(observation, { codeOk, minValue: rule.minValue }),
      }),
    );
  }
  return items;
}

/** Why a reading did not make the patient a candidate, with what was observed ("BMI" readers need the number). */
export function describeUnmetObservation(observation: Pick<ObservationFact, "valueNumber" | "valueCodes"> | null | undefined, unmet: { codeOk: boolean; minValue: number | null }): string {
  const value = observation?.valueNumber ?? null;
  const coded = observation?.valueCodes.map((c) => c.display ?? c.code).filter(Boolean).join(", ") || null;
  if (!unmet.codeOk) return coded ? `observed "${coded}", which is not one of the values this screening looks for` : "no coded value recorded";
  if (value === null) return `no numeric value recorded (needs ${unmet.minValue} or more)`;
  // Rounded as a reading is written: computed values (BMI from height and weight) carry float noise.
  return `observed value ${Number(value.toFixed(2))}, below the ${unmet.minValue} this screening needs`;
}
