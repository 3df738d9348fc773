import type { ClinicSettings } from "./clinic-settings";
import type { CompiledType } from "./compile-screening-types";
import { buildEvidenceItem } from "./fact-helpers";
import { describeDocumentLayout, findMentionRole, quoteSentence, reportRoles, type DocumentLayout, type MentionRole } from "./find-mention-role";
import { documentMentions, documentScans, documentsMention, matchesIn, type DocumentRecord } from "./index-patient-facts";
import type { PatientIndex } from "./index-patient-facts";
import type { KeywordMatch } from "./match-keywords";
import type { EvidenceItem } from "./screening-result";

/** A mention with the role it plays in its document and the field it was found in. */
export type RoledMatch = { match: KeywordMatch; role: MentionRole; field: string };

// Layouts are derived from the document text only; keyed by the fact, they live as long as it does.
const layouts = new WeakMap<object, DocumentLayout>();

function layoutOf(record: DocumentRecord): DocumentLayout {
  let layout = layouts.get(record.document);
  if (!layout) {
    layout = describeDocumentLayout(record.document.text);
    layouts.set(record.document, layout);
  }
  return layout;
}

/**
 * The mention that best describes the document for one type: a report of the test before a mere
 * mention, affirmed before historical before the rest, then the first in the text.
 */
export function pickMention(mentions: readonly RoledMatch[]): RoledMatch | undefined {
  const rank = (m: RoledMatch) => {
    const context = m.match.context === "affirmed" ? 0 : m.match.context === "historical" ? 1 : 2;
    return context * 2 + (reportRoles.has(m.role) && m.match.context === "affirmed" ? 0 : 1);
  };
  let best: RoledMatch | undefined;
  for (const mention of mentions) if (!best || rank(mention) < rank(best)) best = mention;
  return best;
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
    const mentions = roledMatches(record, (scan) => matchesIn(scan, matcher), index);
    const hit = pickMention(mentions);
    if (!hit) continue;
    const confidence = document.confidence ?? 1;
    const [use, note] = judgeDocumentMention(record, hit, confidence, settings);
    items.push(buildEvidenceItem({
      source: "document", sourceId: document.id, role: "completion", matchedBy: "keyword", when: record.date,
      term: hit.match.phrase, snippet: hit.match.snippet, context: hit.match.context, confidence, use, note,
    }));
  }
  return items;
}

/** Every mention in the document's title, filename and text (documentScans order), with its role. */
function roledMatches(record: DocumentRecord, find: (scan: ReturnType<typeof documentScans>[number]) => readonly KeywordMatch[], index: PatientIndex): RoledMatch[] {
  const { title, filename, text } = record.document;
  const fields = [title, filename, text].filter((field): field is string => Boolean(field));
  const scans = documentScans(record, index.list);
  const mentions: RoledMatch[] = [];
  scans.forEach((scan, i) => {
    const field = fields[i] ?? "";
    const isText = field === text && i === fields.length - 1;
    for (const match of find(scan)) {
      // A title or file name naming the test says what the document is.
      const role = isText ? findMentionRole(layoutOf(record), match.start, match.end) : "title";
      mentions.push({ match, role, field });
    }
  });
  return mentions;
}

const roleWords: Record<MentionRole, string> = {
  title: "the title", subject: "the report", performed: "the procedures performed", result: "a result row",
  quoted: "a value quoted in the text", context: "history, plan or other context", narrative: "the text",
};

/** counted / review / ignored for a document's chosen mention, with the reason a clinician reads. */
export function judgeDocumentMention(
  record: DocumentRecord, hit: RoledMatch, confidence: number, settings: ClinicSettings,
): [EvidenceItem["use"], string | null] {
  const { match, role, field } = hit;
  const when = record.date;
  const quote = () => `"${quoteSentence(field, match.start, match.end)}"`;
  if (match.context !== "affirmed" && match.context !== "historical") {
    return ["ignored", `mention is ${match.context} ("${match.cue}"), not a result: ${quote()}`];
  }
  if (when.kind === "future") return ["ignored", "dated after the evaluation date"];
  if (match.context === "historical") return ["review", `past mention ("${match.cue}") without its own date: ${quote()}`];
  if (!reportRoles.has(role)) return ["review", `mentioned in ${roleWords[role]}, not a report of this test: ${quote()}`];
  if (when.kind === "undated") return ["review", "document has no service date; confirm when the test was done"];
  if (record.document.dateSource === "received") return ["review", "date is when the document was received, not when the test was done"];
  if (confidence < settings.minDocumentConfidence) {
    return ["review", `OCR confidence ${confidence.toFixed(2)} is below ${settings.minDocumentConfidence}`];
  }
  return ["counted", null];
}
