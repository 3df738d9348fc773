import { collapseWhitespace } from "./collapse-whitespace";

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
type Line = {
  start: number; end: number; role: SectionRole; label: string | null; title: boolean; labelEnd: number; labelRole: SectionRole | null;
  /** For a narrative line: whether it says a procedure was performed (and names no year); worked out on first use. */
  performs: boolean | null;
};
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

/** Whether a UTF-16 unit is whitespace as a regular expression's \s and String#trim see it. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whether text[from, to) has more than `limit` whitespace-separated words, counting no further than needed. */
function hasMoreWords(text: string, from: number, to: number, limit: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    if (isSpace(text.charCodeAt(i))) inWord = false;
    else if (!inWord) {
      inWord = true;
      if (++words > limit) return true;
    }
  }
  return false;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

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
    const line: Line = { start, end, role: section, label: null, title: false, labelEnd: start, labelRole: null, performs: null };
    // The trimmed line's bounds; only a line starting with "#" or a letter, or ending in ":", can
    // change the section or be a title, and most lines are prose, so they are read no further.
    let from = start;
    let to = end;
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    const first = from < to ? text.charCodeAt(from) : -1;
    if (first !== 35 && !isLetter(first) && (to === from || text.charCodeAt(to - 1) !== 58)) {
      lines.push(line);
      start = end + 1;
      continue;
    }
    const trimmed = text.slice(from, to);
    const markdown = first === 35 ? /^#{1,6}\s+(.+)$/.exec(trimmed) : null;
    const colon = trimmed.indexOf(":");
    const labelled = isLetter(first) && colon >= 0 ? /^([A-Za-z][^:]{0,60}?)\s*:(?!\d)/.exec(trimmed) : null;
    // A heading starts with a letter: "- mammography (procedure)" is a list item, not a section.
    const standalone = isLetter(first) && !labelled && !hasMoreWords(text, from, to, 8) && !/[.,;]$/.test(trimmed) && !/[.!?]\s/.test(trimmed);
    if (markdown || (labelled && !hasMoreWords(labelled[1] ?? "", 0, (labelled[1] ?? "").length, 6))) {
      const label = (markdown?.[1] ?? labelled?.[1] ?? "").trim();
      const role = classifyLabel(label);
      line.label = label;
      line.labelEnd = text.indexOf(label, start) + label.length;
      if (role) {
        section = role;
        named = role;
        header = false;
      } else {
        section = "narrative";
      }
      line.role = section;
      line.labelRole = role ?? (named === "context" ? "context" : "subject");
    } else if (labelled || (trimmed.endsWith(":") && hasMoreWords(text, from, to, 6))) {
      // A lead-in sentence: "The following procedures were conducted:", "The patient was prescribed …:".
      const leadIn = trimmed.slice(0, colon);
      const role = doneLeadIn.test(leadIn) ? "performed" : contextLabel.test(leadIn) ? "context" : null;
      if (role) {
        section = role;
        named = role;
        header = false;
      }
      line.role = section;
    } else if (standalone) {
      const role = classifyLabel(trimmed);
      if (role && !hasMoreWords(text, from, to, 4)) {
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
  if (line.label !== null && end <= line.labelEnd) return line.labelRole === "context" ? "context" : "subject";
  const after = text.slice(end, line.end);
  if (line.role !== "context" && onlyListMarksBefore(text, line.start, start) && resultValue.test(after)) return "result";
  if (line.title) return "title";
  if (quotedValue.test(after) && line.role !== "subject" && line.role !== "performed") return "quoted";
  if (line.role === "narrative") {
    // Several mentions (and matchers) can sit on one long line: the line is read once.
    if (line.performs === null) {
      const clause = text.slice(line.start, line.end);
      line.performs = performedVerb.test(clause) && !year.test(clause);
    }
    return line.performs ? "performed" : "narrative";
  }
  return line.role;
}

/** Whether text[from, to) holds only whitespace, dashes, bullets, digits, "." and ")" (a row's lead-in). */
function onlyListMarksBefore(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    const mark = (code >= 48 && code <= 57) || code === 45 || code === 0x2013 || code === 0x2014 || code === 0x2022 || code === 42 || code === 46 || code === 41;
    if (!mark && !isSpace(code)) return false;
  }
  return true;
}

// Plain functions at module level: the hot paths below call them per character.
function isSentenceEnd(code: number): boolean {
  return code === 46 || code === 33 || code === 63;
}

function endsSentenceOrLabel(code: number): boolean {
  return isSentenceEnd(code) || code === 58 || code === 59;
}

function hasPrivateUse(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xe000 && code <= 0xf8ff) return true;
  }
  return false;
}

/** A quote cut at this character (not a line break or a sentence end) is marked with "…". */
function cutsQuote(code: number): boolean {
  return code !== 10 && !isSentenceEnd(code);
}

/**
 * Whether the line break at `newline` only wraps prose: the line before does not end a sentence or a
 * label ([.:;!?], then maybe spaces, in its last two characters) and the next line starts, after
 * spaces or tabs, in lower case or with "(" within three characters.
 */
function wraps(text: string, newline: number): boolean {
  const last = newline >= 1 ? text.charCodeAt(newline - 1) : -1;
  const beforeLast = newline >= 2 ? text.charCodeAt(newline - 2) : -1;
  if (endsSentenceOrLabel(last) || (isSpace(last) && endsSentenceOrLabel(beforeLast))) return false;
  const limit = Math.min(text.length, newline + 4);
  for (let i = newline + 1; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (code === 32 || code === 9) continue;
    return (code >= 97 && code <= 122) || code === 40;
  }
  return false;
}

/**
 * The sentence around a mention, for a clinician to read as the evidence: bounded by sentence ends,
 * and by line breaks except inside wrapped prose (a line that does not end a sentence, followed by
 * one that starts in lower case). Whitespace collapsed; at most `limit` characters.
 */
export function quoteSentence(text: string, start: number, end: number, limit = 240): string {
  let from = start;
  while (from > 0 && start - from < limit / 2) {
    const c = text.charCodeAt(from - 1);
    if (isSentenceEnd(c) && from < text.length && isSpace(text.charCodeAt(from))) break;
    if (c === 10 && !wraps(text, from - 1)) break;
    from--;
  }
  let to = end;
  while (to < text.length && to - end < limit / 2) {
    const c = text.charCodeAt(to);
    if (isSentenceEnd(c) && (to + 1 >= text.length || isSpace(text.charCodeAt(to + 1)))) {
      to++;
      break;
    }
    if (c === 10 && !wraps(text, to)) break;
    to++;
  }
  const slice = text.slice(from, to);
  // Private-use characters (OCR's unknown glyphs) are dropped first; collapseWhitespace checks the rest.
  const body = collapseWhitespace(hasPrivateUse(slice) ? slice.replace(/[\uE000-\uF8FF]/g, "") : slice);
  return `${from > 0 && cutsQuote(text.charCodeAt(from - 1)) ? "…" : ""}${body}${to < text.length && cutsQuote(text.charCodeAt(to - 1)) && text.charCodeAt(to) !== 10 ? "…" : ""}`;
}
