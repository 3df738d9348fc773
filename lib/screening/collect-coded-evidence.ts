import type { CompiledType } from "./compile-screening-types";
import { buildEvidenceItem, partialDateNote } from "./fact-helpers";
import { codeMatchIn, factTextScan, matchesIn, type FactRecord, type PatientIndex } from "./index-patient-facts";
import type { KeywordMatch } from "./match-keywords";
import type { CodeMatch } from "./code-set";
import type { EvidenceItem } from "./screening-result";

/**
 * Completion evidence from structured facts. A code match is decisive; only a fact with no recognised
 * coding at all (free-text surgical history, say) has its text matched against the keywords, with
 * the same negation rules as documents. A coded LOINC result is never re-read as words. Conditions
 * are diagnoses, not tests done, so they count only through explicit codes.
 */
export function collectCodedEvidence(index: PatientIndex, compiled: CompiledType): EvidenceItem[] {
  const items: EvidenceItem[] = [];
  const setId = compiled.evidenceCodes.id;
  for (const fact of index.bySet[setId] ?? []) {
    const code = codeMatchIn(fact, setId);
    if (code) items.push(buildItem(fact, code, undefined));
  }
  const matcher = compiled.evidenceMatcher;
  if (matcher.termCount > 0) {
    // index.uncoded holds exactly the non-condition facts without a recognised coding.
    for (const fact of index.uncoded) {
      const matches = matchesIn(factTextScan(fact, index.list), matcher);
      const textHit = matches.find((m) => m.context === "affirmed") ?? matches[0];
      if (textHit) items.push(buildItem(fact, null, textHit));
    }
  }
  return items;
}

function buildItem(fact: FactRecord, code: CodeMatch | null, textHit: KeywordMatch | undefined): EvidenceItem {
  const when = fact.date;
  const [use, note] = judge(fact, textHit);
  return buildEvidenceItem({
    source: fact.source, sourceId: fact.id, role: "completion", when, matchedBy: code ? "code" : "text", code,
    term: textHit?.phrase ?? null, snippet: textHit?.snippet ?? null, context: textHit?.context ?? null, use, note,
  });
}

function judge(fact: FactRecord, textHit: KeywordMatch | undefined): [EvidenceItem["use"], string | null] {
  const when = fact.date;
  if (fact.statusProblem) return ["ignored", fact.statusProblem];
  if (textHit && textHit.context !== "affirmed") {
    return [textHit.context === "historical" ? "review" : "ignored", `mention is ${textHit.context} ("${textHit.cue}")`];
  }
  if (when.kind === "future") return ["ignored", "dated after the evaluation date"];
  if (when.kind === "undated") return ["review", "no date on record; confirm when it was done"];
  return ["counted", partialDateNote(when)];
}
