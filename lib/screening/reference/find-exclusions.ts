// Reference engine: the straightforward pre-optimisation code, kept only as the oracle for
// evaluate-screenings.equivalence.test.ts. Production code must not import it.
import type { DayNumber } from "../calendar-date";
import { matchCodeSet } from "../code-set";
import { buildEvidenceItem, canFallBackToText, datedFields, isConditionApplicable, resolveFactDate } from "./fact-helpers";
import { getTypeMatchers, prepareDocument, prepareFactText } from "./get-type-matchers";
import { findKeywordMatches, type KeywordMatcher } from "../match-keywords";
import type { PatientFacts } from "../patient-facts";
import { compareEvidence } from "./compare-evidence";
import type { EvidenceItem } from "../screening-result";
import type { ScreeningType } from "../screening-type";

/**
 * Exclusions (bilateral mastectomy, hysterectomy without residual cervix, total colectomy, hospice…).
 * Coded conditions and completed procedures, or their text when they carry no usable code, exclude.
 * A phrase found only in a document is `review`: hiding a due screening on the strength of OCR text
 * alone is the costlier mistake, so a person confirms it.
 */
export function findExclusions(facts: PatientFacts, type: ScreeningType, asOf: DayNumber): EvidenceItem[] {
  const { codes } = type.exclusions;
  const matcher = getTypeMatchers(type).exclusions;
  const items: EvidenceItem[] = [];
  const coded = [
    ...facts.conditions
      .filter((c) => isConditionApplicable(c, asOf, true))
      .map((c) => ({ source: "condition" as const, fact: c, date: c.onset })),
    ...facts.procedures
      .filter((p) => p.status === "completed")
      .map((p) => ({ source: "procedure" as const, fact: p, date: p.performed })),
  ];
  for (const { source, fact, date } of coded) {
    const when = resolveFactDate(date, asOf);
    if (when.kind === "future") continue;
    const base = { source, sourceId: fact.id, role: "exclusion", ...datedFields(when) } as const;
    const code = matchCodeSet(codes, fact.codes);
    if (code) {
      items.push(buildEvidenceItem({ ...base, matchedBy: "code", use: "counted", code }));
    } else if (matcher.termCount > 0 && canFallBackToText(fact.codes, codes)) {
      const hit = firstAffirmed(matcher, prepareFactText(fact));
      if (hit) items.push(buildEvidenceItem({ ...base, matchedBy: "text", use: "counted", term: hit.phrase, snippet: hit.snippet, context: hit.context }));
    }
  }
  for (const document of matcher.termCount > 0 ? facts.documents : []) {
    const when = resolveFactDate(document.serviceDate, asOf);
    if (when.kind === "future") continue;
    for (const { text } of prepareDocument(document).fields) {
      const hit = firstAffirmed(matcher, text);
      if (!hit) continue;
      items.push(
        buildEvidenceItem({
          source: "document", sourceId: document.id, role: "exclusion", matchedBy: "keyword", use: "review",
          term: hit.phrase, snippet: hit.snippet, context: hit.context, confidence: document.confidence ?? 1,
          ...datedFields(when), note: "possible exclusion mentioned in a document; confirm before excluding",
        }),
      );
      break;
    }
  }
  return items.sort(compareEvidence);
}

// Past mentions count here ("s/p total colectomy"); negated and family mentions do not.
function firstAffirmed(matcher: KeywordMatcher, text: Parameters<typeof findKeywordMatches>[1]) {
  return findKeywordMatches(matcher, text).find((m) => m.context === "affirmed" || m.context === "historical") ?? null;
}
