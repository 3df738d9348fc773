import type { ClinicSettings } from "./clinic-settings";
import type { CompiledType } from "./compile-screening-types";
import { buildEvidenceItem, datedFields } from "./fact-helpers";
import { documentMentions, documentScans, documentsMention, matchesIn, type PatientIndex } from "./index-patient-facts";
import type { KeywordMatch } from "./match-keywords";
import type { EvidenceItem } from "./screening-result";

/**
 * Completion evidence from document text, one item per document. An affirmed mention counts only
 * when the document has a trustworthy service date and readable text: an undated document, a date
 * that is only the received date, or low OCR confidence makes the item `review`. The original app
 * stamped undated documents with today and reported them Complete.
 */
export function collectDocumentEvidence(index: PatientIndex, compiled: CompiledType, settings: ClinicSettings): EvidenceItem[] {
  const matcher = compiled.evidenceMatcher;
  if (matcher.termCount === 0 || !documentsMention(index, matcher)) return [];
  const items: EvidenceItem[] = [];
  for (const record of index.documents) {
    const { document } = record;
    if (!compiled.documentCategories.has(document.category) || !documentMentions(record, matcher, index.list)) continue;
    let matches: KeywordMatch[] = [];
    for (const scan of documentScans(record, index.list)) {
      const found = matchesIn(scan, matcher);
      if (found.length > 0) matches = matches.length === 0 ? found : [...matches, ...found];
    }
    if (matches.length === 0) continue;
    const affirmed = matches.find((m) => m.context === "affirmed");
    const historical = matches.find((m) => m.context === "historical");
    const hit = affirmed ?? historical ?? matches[0];
    if (!hit) continue;
    const when = record.date;
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
