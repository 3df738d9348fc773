// Reference: the original per-code-point normaliser, kept only as the oracle for
// normalize-text.equivalence.test.ts. Production code must not import it.
/**
 * One normalisation for documents, filenames, condition text and keywords: Unicode folded, lower
 * case, separators and punctuation dropped, with token boundaries kept at separators, camelCase
 * humps (`dxaScan`, `DXAScan`) and letter/digit changes (`mammo2024`). Matching runs on the compact
 * letters-and-digits string and must start and end on a boundary, so `dxa_scan.pdf`, `DXA-scan` and
 * `DxaScan` all contain the token "dxa", while "fit" never matches inside "fitness".
 */
export type NormalizedText = {
  /** Folded letters and digits only. */
  compact: string;
  /** For each compact char, the index of the source char it came from. */
  sourceIndex: number[];
  /** boundary[i] is true when a token may start or end before compact char i (length + 1 entries). */
  boundary: boolean[];
  /** Word number of each compact char; words are split by separators and camelCase only. */
  word: number[];
  /** Clause number of each compact char; clauses end at . ; ! ? and line breaks. */
  clause: number[];
};

const alnum = /[\p{L}\p{N}]/u;
const combiningMarks = /\p{M}/gu;
const combiningMark = /^\p{M}$/u;
const upper = /\p{Lu}/u;
const lower = /\p{Ll}/u;
const digit = /\p{N}/u;

function fold(char: string): string {
  const code = char.charCodeAt(0);
  // ASCII fast path: documents are mostly ASCII and NFKD per character is the costliest step.
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : char;
  return char.normalize("NFKD").replace(combiningMarks, "").toLowerCase();
}

function classify(char: string): "alnum" | "mark" | "other" {
  const code = char.charCodeAt(0);
  if (code < 128) {
    const isAlnum = (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
    return isAlnum ? "alnum" : "other";
  }
  if (combiningMark.test(char)) return "mark";
  return alnum.test(char) ? "alnum" : "other";
}

const isUpper = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : upper.test(char);
};
const isLower = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 128 ? code >= 97 && code <= 122 : lower.test(char);
};
const isDigit = (char: string) => {
  const code = char.charCodeAt(0);
  return code < 128 ? code >= 48 && code <= 57 : digit.test(char);
};

function isClauseBreak(char: string, next: string | undefined): boolean {
  if (char === "\n" || char === ";" || char === "!" || char === "?") return true;
  // A period ends a clause only before whitespace or the end, so "7.2" and "scan.pdf" stay whole.
  return char === "." && (next === undefined || /\s/.test(next));
}

export function normalizeText(source: string): NormalizedText {
  const chars = Array.from(source);
  const compact: string[] = [];
  const sourceIndex: number[] = [];
  const boundary: boolean[] = [];
  const word: number[] = [];
  const clause: number[] = [];
  let offset = 0;
  let wordNo = 0;
  let clauseNo = 0;
  let sawSeparator = false;
  let prev: string | undefined;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i] ?? "";
    const next = chars[i + 1];
    const kind = classify(char);
    // A lone combining mark belongs to the letter before it (decomposed "é"), so it is not a separator.
    if (kind === "mark") {
      offset += char.length;
      continue;
    }
    if (kind === "other") {
      sawSeparator = true;
      if (isClauseBreak(char, next)) clauseNo++;
      prev = undefined;
      offset += char.length;
      continue;
    }
    const camel =
      prev !== undefined &&
      isUpper(char) &&
      (isLower(prev) || (isUpper(prev) && next !== undefined && isLower(next)));
    const digitChange = prev !== undefined && isDigit(prev) !== isDigit(char);
    if (compact.length > 0 && (sawSeparator || camel)) wordNo++;
    const startsToken = compact.length === 0 || sawSeparator || camel || digitChange;
    const folded = fold(char);
    if (folded.length === 0) {
      offset += char.length;
      continue;
    }
    for (let k = 0; k < folded.length; k++) {
      compact.push(folded[k] ?? "");
      sourceIndex.push(offset);
      boundary.push(k === 0 && startsToken);
      word.push(wordNo);
      clause.push(clauseNo);
    }
    sawSeparator = false;
    prev = char;
    offset += char.length;
  }
  boundary.push(true);
  if (boundary.length > 0) boundary[0] = true;
  return { compact: compact.join(""), sourceIndex, boundary, word, clause };
}

/** The compact form of a keyword or cue phrase ("Bone-Density" → "bonedensity"). */
export function compactPhrase(phrase: string): string {
  return normalizeText(phrase).compact;
}

/** Words in a phrase, split the same way as text, for validation and display. */
export function countPhraseWords(phrase: string): number {
  const normalized = normalizeText(phrase);
  return normalized.compact.length === 0 ? 0 : (normalized.word.at(-1) ?? 0) + 1;
}
