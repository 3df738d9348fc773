/**
 * Finds when the service in a document happened (the procedure, the draw, the exam), as
 * YYYY-MM-DD. Dates are weighted by the label before them on the same line; birth dates, print
 * dates and dates after `asOf` are never used. Pure.
 */
export type DateCandidate = { date: string; weight: number; index: number };

const months: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const monthPattern = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

const datePattern = new RegExp(
  [
    String.raw`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`, // 2024-03-02
    String.raw`\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b`, // 03/02/2024, 3-2-24
    String.raw`\b${monthPattern}\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`, // March 2, 2024
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)?\s+${monthPattern}\.?,?\s+(\d{4})\b`, // 2 March 2024
  ].join("|"),
  "gi",
);

/**
 * Label before a date → how likely that date is the service date. 0 means "never use". When two
 * labels end at the same place ("follow-up visit") the earlier pattern in this list wins, so the
 * never-use patterns come first.
 */
const labelWeights: [RegExp, number][] = [
  [/\b(d\.?o\.?b|date of birth|birth ?date|born)\b/i, 0],
  [/\b(printed|print date|faxed|fax date|page \d+ of)\b/i, 0],
  // A date something is due or booked for is not a date something was done.
  [/\b(due date|due|next|follow[- ]?up( visit| appointment)?|return( visit)?|scheduled( for)?|appointment|recall|expires?|expiration)\b/i, 0],
  [/\b(date of service|service date|dos|procedure date|date of procedure|exam date|date of exam|examination date|study date|collected|collection date|date collected|date of collection|performed|date performed|surgery date|date of surgery|visit date|date of visit|visit|encounter date)\b/i, 1],
  [/\b(today'?s date|date of form)\b/i, 0.9],
  [/\b(discharge date|date of discharge|discharged)\b/i, 0.9],
  [/\b(admission date|date of admission|admitted)\b/i, 0.85],
  [/\b(received|reported|report date|date of report|resulted|result date|signed|dictated|date of dictation|transcribed|reviewed|date of review)\b/i, 0.6],
  // A bare "Date:" heads forms, notes and letters: their own date, weaker than a named service date.
  // Last, so "Discharge Date:" (which ends at the same place) keeps its own weight.
  [/\bdate(?=\s*:\s*$)/i, 0.5],
];
const unlabeledWeight = 0.4;

function toIsoDate(year: number, month: number, day: number): string | null {
  if (year < 1900 || month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** Two-digit years: the most recent year that is not after `asOf` (24 → 2024, 98 → 1998). */
function expandYear(text: string, asOfYear: number): number {
  if (text.length === 4) return Number(text);
  const year = 2000 + Number(text);
  return year > asOfYear ? year - 100 : year;
}

function parseMatch(m: RegExpExecArray, asOfYear: number): string | null {
  const g = m.slice(1);
  if (g[0]) return toIsoDate(Number(g[0]), Number(g[1]), Number(g[2]));
  if (g[3]) return toIsoDate(expandYear(g[5] ?? "", asOfYear), Number(g[3]), Number(g[4])); // US order: month/day
  if (g[6]) return toIsoDate(Number(g[8]), months[g[6].slice(0, 3).toLowerCase()] ?? 0, Number(g[7]));
  if (g[10]) return toIsoDate(Number(g[11]), months[g[10].slice(0, 3).toLowerCase()] ?? 0, Number(g[9]));
  return null;
}

/**
 * The label text a date at `index` answers: before it in its column (two or more spaces split the
 * columns of a text layer), or ending the line above when the date starts its line or column.
 */
function labelTextBefore(text: string, index: number): { before: string; own: boolean } {
  const lineStart = text.lastIndexOf("\n", index - 1) + 1;
  const line = text.slice(lineStart, index);
  const column = line.slice(line.search(/(?:\s{2,}|^)(?:(?!\s{2}).)*$/)).trimStart();
  if (column.trim() !== "" || lineStart === 0) return { before: column.slice(-48), own: true };
  // "Date of Birth:\n04/12/1971": a label that ends the previous line with a colon still owns the date.
  const previousEnd = lineStart - 1;
  const previousStart = text.lastIndexOf("\n", previousEnd - 1) + 1;
  const previous = text.slice(Math.max(previousStart, previousEnd - 48), previousEnd);
  return { before: /:\s*$/.test(previous) ? previous : "", own: false };
}

/**
 * An unlabelled date after a dash or straight after a number belongs to its line's item:
 * "Influenza - 10/15/2024" in a vaccine list, "52 49 04/01/2024" in a lab table's previous-result
 * column. A date standing alone, heading its line (a letterhead) or in running prose stays usable.
 */
function isItemDate(before: string): boolean {
  return /\s[-–—]\s*(\w+\s+)?$/.test(before) || /\d\S*\s+$/.test(before);
}

function weighLabel(text: string, index: number): number {
  const { before, own } = labelTextBefore(text, index);
  // The label nearest to the date decides: "Collected: 03/02/24 DOB: 1/1/60" has two labels.
  let best: { end: number; weight: number } | null = null;
  for (const [pattern, weight] of labelWeights) {
    const matches = [...before.matchAll(new RegExp(pattern.source, "gi"))];
    const last = matches.at(-1);
    if (!last) continue;
    const end = (last.index ?? 0) + last[0].length;
    if (best === null || end > best.end) best = { end, weight };
  }
  if (best) return best.weight;
  return own && isItemDate(before) ? 0 : unlabeledWeight;
}

export function findDateCandidates(text: string, asOf: string): DateCandidate[] {
  const asOfYear = Number(asOf.slice(0, 4));
  const candidates: DateCandidate[] = [];
  for (const m of text.matchAll(datePattern)) {
    const date = parseMatch(m, asOfYear);
    if (!date || date > asOf) continue;
    const weight = weighLabel(text, m.index);
    if (weight > 0) candidates.push({ date, weight, index: m.index });
  }
  return candidates;
}

/** The best-labelled date; among equals the first in the text (headers come before history). */
export function findServiceDate(text: string, asOf: string): { date: string; weight: number } | null {
  let best: DateCandidate | null = null;
  for (const candidate of findDateCandidates(text, asOf)) {
    if (!best || candidate.weight > best.weight) best = candidate;
  }
  return best ? { date: best.date, weight: best.weight } : null;
}
