import type { CompiledType } from "./compile-screening-types";
import { buildEvidenceItem } from "./fact-helpers";
import { codeMatchIn, documentMentions, documentScans, documentsMention, factTextScan, matchesIn, type FactRecord, type PatientIndex } from "./index-patient-facts";
import type { KeywordMatch } from "./match-keywords";
import { sortEvidence, type EvidenceItem } from "./screening-result";

/**
 * Exclusions (bilateral mastectomy, hysterectomy without residual cervix, total colectomy, hospice…).
 * Coded conditions and completed procedures, or their text when they carry no usable code, exclude.
 * A phrase found only in a document is `review`: hiding a due screening on the strength of OCR text
 * alone is the costlier mistake, so a person confirms it.
 */
export function findExclusions(index: PatientIndex, compiled: CompiledType): EvidenceItem[] {
  // Types with the same exclusion rules (a clinic's variants of a preset type) find the same items:
  // worked out once per patient, each type gets its own copies.
  const memo = (index.exclusions[compiled.exclusionKey] ??= collectExclusions(index, compiled));
  return memo.length === 0 ? [] : memo.map((item) => ({ ...item }));
}

function collectExclusions(index: PatientIndex, compiled: CompiledType): EvidenceItem[] {
  const matcher = compiled.exclusionMatcher;
  // Most types list no exclusions at all: nothing to look for.
  if (compiled.exclusionCodes.listedMask === 0 && matcher.termCount === 0) return [];
  const items: EvidenceItem[] = [];
  addFactExclusions(items, index, compiled, index.conditions);
  addFactExclusions(items, index, compiled, index.procedures);
  for (const record of matcher.termCount > 0 && documentsMention(index, matcher) ? index.documents : []) {
    if (record.date.kind === "future" || !documentMentions(record, matcher, index.list)) continue;
    for (const scan of documentScans(record, index.list)) {
      const hit = firstAffirmed(matchesIn(scan, matcher));
      if (!hit) continue;
      items.push(
        buildEvidenceItem({
          source: "document", sourceId: record.document.id, role: "exclusion", matchedBy: "keyword", use: "review",
          term: hit.phrase, snippet: hit.snippet, context: hit.context, confidence: record.document.confidence ?? 1,
          when: record.date, note: "possible exclusion mentioned in a document; confirm before excluding",
        }),
      );
      break;
    }
  }
  return sortEvidence(items);
}

/** Coded conditions and completed procedures that exclude, or whose text does when they carry no usable code. */
function addFactExclusions(items: EvidenceItem[], index: PatientIndex, compiled: CompiledType, facts: readonly FactRecord[]): void {
  const { exclusionCodes: codes, exclusionMatcher: matcher } = compiled;
  for (const fact of facts) {
    if (fact.condition ? !fact.applicableEver : fact.status !== "completed") continue;
    if (fact.date.kind === "future") continue;
    const code = codeMatchIn(fact, codes.id);
    if (code) {
      items.push(buildEvidenceItem({ source: fact.source, sourceId: fact.id, role: "exclusion", when: fact.date, matchedBy: "code", use: "counted", code }));
    } else if (matcher.termCount > 0 && (fact.codingMask & codes.listedMask) === 0) {
      const hit = firstAffirmed(matchesIn(factTextScan(fact, index.list), matcher));
      if (hit) {
        items.push(buildEvidenceItem({
          source: fact.source, sourceId: fact.id, role: "exclusion", when: fact.date, matchedBy: "text", use: "counted",
          term: hit.phrase, snippet: hit.snippet, context: hit.context,
        }));
      }
    }
  }
}

// Past mentions count here ("s/p total colectomy"); negated and family mentions do not.
function firstAffirmed(matches: readonly KeywordMatch[]): KeywordMatch | null {
  return matches.find((m) => m.context === "affirmed" || m.context === "historical") ?? null;
}
