import type { ClinicSettings } from "./clinic-settings";
import type { CompiledMatcher, CompiledType } from "./compile-screening-types";
import { buildEvidenceItem } from "./fact-helpers";
import { describeDocumentLayout, findMentionRole, quoteSentence, reportRoles, type DocumentLayout, type MentionRole } from "./find-mention-role";
import { describeOcrReading, findOcrReading, type OcrReading } from "./find-ocr-reading";
import { documentMentions, documentScans, documentsMention, matchesIn, type DocumentRecord } from "./index-patient-facts";
import type { PatientIndex } from "./index-patient-facts";
import type { KeywordMatch } from "./match-keywords";
import type { EvidenceItem } from "./screening-result";

/** A mention with the role it plays in its document and the field it was found in. */
export type RoledMatch = { match: KeywordMatch; role: MentionRole; field: string };

/** What one matcher's mentions make of one document: the chosen mention, its use and how well OCR read it; null when none. */
export type JudgedMention = { hit: KeywordMatch; use: EvidenceItem["use"]; note: string | null; confidence: number };

function layoutOf(record: DocumentRecord): DocumentLayout {
  record.layout ??= describeDocumentLayout(record.document.text);
  return record.layout;
}

/**
 * Completion evidence from document text, one item per document. Only a document that IS a report
 * of the test (title, procedure or impression section, result row, procedures performed at the
 * visit) counts, and only with a trustworthy service date and readable text. A mention inside
 * another document (clinical history, indication, plan, an order, a referral, prose, a quoted value)
 * is at most review, with the sentence quoted. The original app stamped undated documents with
 * today, and counted a pathology report's "screening mammogram" history as a mammogram.
 */
export function collectDocumentEvidence(index: PatientIndex, compiled: CompiledType, settings: ClinicSettings): EvidenceItem[] {
  const matcher = compiled.evidenceMatcher;
  if (matcher.termCount === 0 || !documentsMention(index, matcher)) return [];
  const items: EvidenceItem[] = [];
  for (const record of index.documents) {
    const { document } = record;
    if (!compiled.documentCategories.has(document.category) || !documentMentions(record, matcher, index.list)) continue;
    const judged = judgeDocument(record, matcher, index, settings);
    if (!judged) continue;
    const { hit, use, note, confidence } = judged;
    items.push(buildEvidenceItem({
      source: "document", sourceId: document.id, role: "completion", matchedBy: "keyword", when: record.date,
      term: hit.phrase, snippet: hit.snippet, context: hit.context, confidence, use, note,
    }));
  }
  return items;
}

/**
 * pickMention and judgeDocumentMention for one matcher, memoised on the record: types sharing a
 * matcher (a clinic's variants of a preset type) get the same answer, and settings are fixed for the call.
 */
function judgeDocument(record: DocumentRecord, matcher: CompiledMatcher, index: PatientIndex, settings: ClinicSettings): JudgedMention | null {
  const memo = record.judged?.get(matcher.id);
  if (memo !== undefined) return memo;
  const picked = pickMention(record, matcher, index);
  let judged: JudgedMention | null = null;
  if (picked) {
    const reading = findOcrReading(record.document, picked.field === record.document.text, picked.match.start);
    const [use, note] = judgeDocumentMention(record, picked, reading, settings);
    judged = { hit: picked.match, use, note, confidence: reading?.confidence ?? 1 };
  }
  record.judged ??= new Map();
  record.judged.set(matcher.id, judged);
  return judged;
}

/**
 * The mention that best describes the document for one matcher, over its title, filename and text
 * (documentScans order, each in text order): the first affirmed mention in a report role, else the
 * first affirmed one, else the first historical one, else the first. A title or file name naming the
 * test says what the document is; a role in the text is worked out only for affirmed mentions (no
 * other reads it), and the search stops at the first affirmed report.
 */
export function pickMention(record: DocumentRecord, matcher: CompiledMatcher, index: PatientIndex): RoledMatch | undefined {
  const { title, filename, text } = record.document;
  const scans = documentScans(record, index.list);
  let affirmed: RoledMatch | undefined;
  let historical: RoledMatch | undefined;
  let first: RoledMatch | undefined;
  let i = 0;
  for (const field of [title, filename, text]) {
    if (!field) continue;
    const scan = scans[i];
    i++;
    if (!scan) continue;
    const isText = field === text && i === scans.length;
    for (const match of matchesIn(scan, matcher)) {
      if (match.context === "affirmed") {
        const role = isText ? findMentionRole(layoutOf(record), match.start, match.end) : "title";
        if (reportRoles.has(role)) return { match, role, field };
        affirmed ??= { match, role, field };
      } else if (affirmed === undefined) {
        // The role of a mention that is not affirmed is never read; "narrative" stands in for it.
        if (match.context === "historical") historical ??= { match, role: "narrative", field };
        first ??= { match, role: "narrative", field };
      }
    }
  }
  return affirmed ?? historical ?? first;
}

const roleWords: Record<MentionRole, string> = {
  title: "the title", subject: "the report", performed: "the procedures performed", result: "a result row",
  quoted: "a value quoted in the text", context: "history, plan or other context", narrative: "the text",
};

function quote(field: string, match: KeywordMatch): string {
  return `"${quoteSentence(field, match.start, match.end)}"`;
}

/**
 * counted / review / ignored for a document's chosen mention, with the reason a clinician reads.
 * `reading` is how well OCR read the mention's page (null: not OCR'd); a poor reading never counts.
 */
export function judgeDocumentMention(
  record: DocumentRecord, hit: RoledMatch, reading: OcrReading | null, settings: ClinicSettings,
): [EvidenceItem["use"], string | null] {
  const { match, role, field } = hit;
  const when = record.date;
  if (match.context !== "affirmed" && match.context !== "historical") {
    return ["ignored", `mention is ${match.context} ("${match.cue}"), not a result: ${quote(field, match)}`];
  }
  if (when.kind === "future") return ["ignored", "dated after the evaluation date"];
  // First among the review reasons: a poorly read page may be why the date or the role is missing,
  // and its garbled words make a poor quote; the clinician opens the page either way.
  if (reading !== null && reading.confidence < settings.minDocumentConfidence) return ["review", describeOcrReading(reading)];
  if (match.context === "historical") return ["review", `past mention ("${match.cue}") without its own date: ${quote(field, match)}`];
  if (!reportRoles.has(role)) return ["review", `mentioned in ${roleWords[role]}, not a report of this test: ${quote(field, match)}`];
  if (when.kind === "undated") return ["review", "document has no service date; confirm when the test was done"];
  if (record.document.dateSource === "received") return ["review", "date is when the document was received, not when the test was done"];
  return ["counted", null];
}
