import type { ClinicSettings } from "./clinic-settings";
import type { CompiledType } from "./compile-screening-types";
import { buildEvidenceItem } from "./fact-helpers";
import { documentMentions, documentScans, documentsMention, matchesIn, type DocumentRecord, type PatientIndex } from "./index-patient-facts";
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
    let matches: readonly KeywordMatch[] = [];
    for (const scan of documentScans(record, index.list)) {
      const found = matchesIn(scan, matcher);
      if (found.length > 0) matches = matches.length === 0 ? found : [...matches, ...found];
    }
    if (matches.length === 0) continue;
    const affirmed = matches.find((m) => m.context === "affirmed");
    const historical = matches.find((m) => m.context === "historical");
    const hit = affirmed ?? historical ?? matches[0];
    if (!hit) continue;
    const confidence = document.confidence ?? 1;
    const [use, note] = judge(record, affirmed, historical, hit, confidence, settings);
    items.push(buildEvidenceItem({
      source: "document", sourceId: document.id, role: "completion", matchedBy: "keyword", when: record.date,
      term: hit.phrase, snippet: hit.snippet, context: hit.context, confidence, use, note,
    }));
  }
  return items;
}

function judge(
  record: DocumentRecord, affirmed: KeywordMatch | undefined, historical: KeywordMatch | undefined, hit: KeywordMatch,
  confidence: number, settings: ClinicSettings,
): [EvidenceItem["use"], string | null] {
  const when = record.date;
  if (!affirmed && !historical) return ["ignored", `mention is ${hit.context} ("${hit.cue}"), not a result`];
  if (when.kind === "future") return ["ignored", "dated after the evaluation date"];
  if (!affirmed) return ["review", `past mention ("${hit.cue}") without its own date`];
  if (when.kind === "undated") return ["review", "document has no service date; confirm when the test was done"];
  if (record.document.dateSource === "received") return ["review", "date is when the document was received, not when the test was done"];
  if (confidence < settings.minDocumentConfidence) {
    return ["review", `OCR confidence ${confidence.toFixed(2)} is below ${settings.minDocumentConfidence}`];
  }
  return ["counted", null];
}
