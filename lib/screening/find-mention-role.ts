/**
 * What a keyword mention says about its document: whether the document IS a report of that test
 * (its title, a "Procedure:" or "Impression:" section, a result row, a list of procedures performed
 * at the visit) or only mentions it (clinical history, indication, plan, an order, a referral
 * letter, running prose). Only the first kind dates the test on the document's service date; a
 * pathology report whose clinical history cites a mammogram is not a mammogram. Pure.
 */
export type MentionRole =
  | "title" // a short heading line at the top: "Screening Mammogram Report"
  | "subject" // inside a Procedure / Exam / Impression / Findings / Result section, or a field named after the test
  | "performed" // under "The following procedures were conducted:", "Procedures:", or "… was performed"
  | "result" // a result row: the test name starting a line, then its value
  | "quoted" // a value quoted in prose or history: "his most recent HbA1c was 9.8%"
  | "context" // clinical history, indication, plan, orders, referral, medications, comments …
  | "narrative"; // prose in no named section

/** Roles that say the document reports the test itself. */
export const reportRoles: ReadonlySet<MentionRole> = new Set(["title", "subject", "performed", "result"]);

type SectionRole = "subject" | "performed" | "context" | "narrative";
type Line = { start: number; end: number; role: SectionRole; label: string | null; title: boolean; labelEnd: number; labelRole: SectionRole | null };
export type DocumentLayout = { text: string; lines: Line[] };

// Checked in this order: a lead-in with a done-verb ("Patient was given the following immunizations")
// reports; then "Proposed Procedure", "Procedure History" and "Assessment and Plan" are context.
const doneLeadIn = /\b(were|was|been|are)\s+(conducted|performed|completed|done|administered|given|obtained|collected)\b|\bperformed\b/i;
const contextLabel =
  /\b(history|hx|indications?|reason|complaints?|hpi|plan|recommend\w*|follow[- ]?up|orders?|ordered|appointments?|comments?|notes?|medications?|meds|allerg\w*|problems?|instructions?|referr\w*|pending|requests?|requested|proposed|planned|scheduled|prescribed|care ?plan|immuniz\w*|vaccines?|reviewed|previous|prior|subject|re|social|family|snapshot)\b/i;
const performedLabel = /^procedures$/i;
const subjectLabel = /\b(procedures?|exam(ination)?s?|study|tests?|reports?|impressions?|findings?|results?|specimens?|technique|diagnosis|interpretation|conclusions?|bi-?rads)\b/i;

function classifyLabel(label: string): SectionRole | null {
  if (doneLeadIn.test(label)) return "performed";
  if (contextLabel.test(label)) return "context";
  if (performedLabel.test(label)) return "performed";
  if (subjectLabel.test(label)) return "subject";
  return null;
}

const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Splits a document into lines, each with the role of the section it sits in. */
export function describeDocumentLayout(text: string): DocumentLayout {
  const lines: Line[] = [];
  let section: SectionRole = "narrative";
  // The last named section: a field after "Impressions:" ("Normal Colonoscopy: …") reports, one after "History:" does not.
  let named: SectionRole | null = null;
  let header = true;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end);
    const trimmed = raw.trim();
    const line: Line = { start, end, role: section, label: null, title: false, labelEnd: start, labelRole: null };
    const markdown = /^#{1,6}\s+(.+)$/.exec(trimmed);
    const labelled = /^([A-Za-z][^:]{0,60}?)\s*:(?!\d)/.exec(trimmed);
    // A heading starts with a letter: "- mammography (procedure)" is a list item, not a section.
    const standalone = /^[A-Za-z]/.test(trimmed) && !labelled && wordCount(trimmed) <= 8 && !/[.,;]$/.test(trimmed) && !/[.!?]\s/.test(trimmed);
    if (markdown || (labelled && wordCount(labelled[1] ?? "") <= 6)) {
      const label = (markdown?.[1] ?? labelled?.[1] ?? "").trim();
      const role = classifyLabel(label);
      line.label = label;
      line.labelEnd = start + raw.indexOf(label) + label.length;
      if (role) {
        section = role;
        named = role;
        header = false;
      } else {
        section = "narrative";
      }
      line.role = section;
      line.labelRole = role ?? (named === "context" ? "context" : "subject");
    } else if (labelled || (trimmed.endsWith(":") && wordCount(trimmed) > 6)) {
      // A lead-in sentence: "The following procedures were conducted:", "The patient was prescribed …:".
      const leadIn = trimmed.slice(0, trimmed.indexOf(":"));
      const role = doneLeadIn.test(leadIn) ? "performed" : contextLabel.test(leadIn) ? "context" : null;
      if (role) {
        section = role;
        named = role;
        header = false;
      }
      line.role = section;
    } else if (standalone) {
      const role = classifyLabel(trimmed);
      if (role && wordCount(trimmed) <= 4) {
        section = role;
        named = role;
        header = false;
        line.role = role;
      } else if (header && section !== "context") line.title = true;
    }
    lines.push(line);
    start = end + 1;
  }
  return { text, lines };
}

function lineAt(layout: DocumentLayout, offset: number): Line | undefined {
  let low = 0;
  let high = layout.lines.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const line = layout.lines[mid];
    if (!line) break;
    if (offset < line.start) high = mid - 1;
    else if (offset > line.end) low = mid + 1;
    else return line;
  }
  return undefined;
}

// The value after a test name on its line: a number, not a year or a date, after at most a few short
// words or a parenthesis ("LDL-C (NIH Calc) 112", "Hemoglobin A1c 5.8", "HbA1c: 6.1 %").
const resultValue = /^[\s:\-–—]*(?:\([^)]*\)\s*|[A-Za-z,/%.-]{1,12}\s+){0,3}?[<>≤≥]?(?!(?:19|20)\d\d\b)\d+(?:\.\d+)?(?![\d/]*\/\d)/;
const quotedValue = /^[^.;\n]{0,40}?\b\d+(?:\.\d+)?\s*(%|mg\/dl|mmol\/l|mmol\/mol|g\/dl|nmol\/l)/i;
const performedVerb = /\b(performed|completed|undergone|underwent|was done|were done)\b/i;
const year = /\b(19|20)\d{2}\b/;

/** The role of the mention at source offsets [start, end). */
export function findMentionRole(layout: DocumentLayout, start: number, end: number): MentionRole {
  const line = lineAt(layout, start);
  if (!line) return "narrative";
  const { text } = layout;
  const before = text.slice(line.start, start);
  const after = text.slice(end, line.end);
  if (line.label !== null && end <= line.labelEnd) return line.labelRole === "context" ? "context" : "subject";
  if (line.role !== "context" && /^[\s\-–—•*\d.)]*$/.test(before) && resultValue.test(after)) return "result";
  if (line.title) return "title";
  if (quotedValue.test(after) && line.role !== "subject" && line.role !== "performed") return "quoted";
  if (line.role === "narrative") {
    const clause = text.slice(line.start, line.end);
    return performedVerb.test(clause) && !year.test(clause) ? "performed" : "narrative";
  }
  return line.role;
}

/**
 * The sentence around a mention, for a clinician to read as the evidence: bounded by sentence ends,
 * and by line breaks except inside wrapped prose (a line that does not end a sentence, followed by
 * one that starts in lower case). Whitespace collapsed; at most `limit` characters.
 */
export function quoteSentence(text: string, start: number, end: number, limit = 240): string {
  const wraps = (newline: number) => !/[.:;!?]\s*$/.test(text.slice(Math.max(0, newline - 2), newline)) && /^[ \t]*[a-z(]/.test(text.slice(newline + 1, newline + 4));
  let from = start;
  while (from > 0 && start - from < limit / 2) {
    const c = text[from - 1] ?? "";
    if (/[.!?]/.test(c) && /\s/.test(text[from] ?? "")) break;
    if (c === "\n" && !wraps(from - 1)) break;
    from--;
  }
  let to = end;
  while (to < text.length && to - end < limit / 2) {
    const c = text[to] ?? "";
    if (/[.!?]/.test(c) && (to + 1 >= text.length || /\s/.test(text[to + 1] ?? ""))) {
      to++;
      break;
    }
    if (c === "\n" && !wraps(to)) break;
    to++;
  }
  const body = text.slice(from, to).replace(/[\uE000-\uF8FF]/g, "").replace(/\s+/g, " ").trim();
  return `${from > 0 && !/[\n.!?]/.test(text[from - 1] ?? "") ? "…" : ""}${body}${to < text.length && !/[\n.!?]/.test(text[to - 1] ?? "") && text[to] !== "\n" ? "…" : ""}`;
}
