// Reference engine: the straightforward pre-optimisation code, kept only as the oracle for
// evaluate-screenings.equivalence.test.ts. Production code must not import it.
import type { DayNumber } from "../calendar-date";
import type { ClinicSettings } from "../clinic-settings";
import { buildEvidenceItem, datedFields, resolveFactDate } from "./fact-helpers";
import { getTypeMatchers, prepareDocument } from "./get-type-matchers";
import { findKeywordMatches, type KeywordMatch } from "../match-keywords";
import type { PatientFacts } from "../patient-facts";
import type { EvidenceItem } from "../screening-result";
import type { ScreeningType } from "../screening-type";

/**
 * Completion evidence from document text, one item per document. An affirmed mention counts only
 * when the document has a trustworthy service date and readable text: an undated document, a date
 * that is only the received date, or low OCR confidence makes the item `review`. The original app
 * stamped undated documents with today and reported them Complete.
 */
export function collectDocumentEvidence(
  facts: PatientFacts,
  type: ScreeningType,
  asOf: DayNumber,
  settings: ClinicSettings,
): EvidenceItem[] {
  const matcher = getTypeMatchers(type).evidence;
  if (matcher.termCount === 0) return [];
  const categories = new Set(type.evidence.documentCategories);
  const items: EvidenceItem[] = [];
  for (const document of facts.documents) {
    if (!categories.has(document.category)) continue;
    const matches: KeywordMatch[] = [];
    for (const field of prepareDocument(document).fields) matches.push(...findKeywordMatches(matcher, field.text));
    if (matches.length === 0) continue;
    const affirmed = matches.find((m) => m.context === "affirmed");
    const historical = matches.find((m) => m.context === "historical");
    const hit = affirmed ?? historical ?? matches[0];
    if (!hit) continue;
    const when = resolveFactDate(document.serviceDate, asOf);
    const confidence = document.confidence ?? 1;
    const base = {
      source: "document", sourceId: document.id, role: "completion", matchedBy: "keyword", ...datedFields(when),
      term: hit.phrase, snippet: hit.snippet, context: hit.context, confidence,
    } as const;
    const reviewProblem =
      when.kind === "undated"
        ? "document has no service date; confirm when the test was done"
        : document.dateSource === "received"
          ? "date is when the document was received, not when the test was done"
          : confidence < settings.minDocumentConfidence
            ? `OCR confidence ${confidence.toFixed(2)} is below ${settings.minDocumentConfidence}`
            : null;
    if (!affirmed && !historical) {
      items.push(buildEvidenceItem({ ...base, use: "ignored", note: `mention is ${hit.context} ("${hit.cue}"), not a result` }));
    } else if (when.kind === "future") {
      items.push(buildEvidenceItem({ ...base, use: "ignored", note: "dated after the evaluation date" }));
    } else if (!affirmed) {
      items.push(buildEvidenceItem({ ...base, use: "review", note: `past mention ("${hit.cue}") without its own date` }));
    } else if (reviewProblem) {
      items.push(buildEvidenceItem({ ...base, use: "review", note: reviewProblem }));
    } else {
      items.push(buildEvidenceItem({ ...base, use: "counted" }));
    }
  }
  return items;
}
