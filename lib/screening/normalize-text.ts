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

/**
 * The same normalisation in typed arrays, for the engine's hot path (documents are long and every
 * patient brings new ones). Walks UTF-16 units with an ASCII fast path and falls back to the code
 * point rules above for anything else, so both forms agree exactly; normalizeText is its plain-array
 * view for callers and tests.
 */
export type TextLayout = {
  /** The compact text as UTF-16 units; `compact` is the same as a string, built on first read. */
  codes: Uint16Array;
  readonly compact: string;
  sourceIndex: Int32Array;
  /** 1 where a token may start or end (length + 1 entries). */
  boundary: Uint8Array;
  word: Int32Array;
  clause: Int32Array;
};

const asciiSpace = (code: number) => code === 32 || (code >= 9 && code <= 13);

/** The code point starting at `index` as a string, or undefined past the end. */
function charAt(source: string, index: number): string | undefined {
  if (index >= source.length) return undefined;
  const code = source.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return source[index];
  return String.fromCodePoint(source.codePointAt(index) ?? code);
}

/**
 * Word and clause numbers only change where a token starts (a separator or camelCase hump starts
 * both a token and a word; only a separator ends a clause), so the scratch layout keeps them per
 * token: two stores per token instead of two per character. layoutText spreads them per character.
 */
type Buffers = {
  codes: Uint16Array;
  sourceIndex: Int32Array;
  /** Compact indices where a token starts, ascending; the first `tokenCount` entries are valid. */
  tokens: Int32Array;
  /** Word and clause number of each token (of every character from its start to the next token). */
  tokenWord: Int32Array;
  tokenClause: Int32Array;
  tokenCount: number;
};

function allocate(capacity: number): Buffers {
  return {
    codes: new Uint16Array(capacity),
    sourceIndex: new Int32Array(capacity),
    tokens: new Int32Array(capacity),
    tokenWord: new Int32Array(capacity),
    tokenClause: new Int32Array(capacity),
    tokenCount: 0,
  };
}

// Layout writes into reusable scratch buffers (typed-array allocation costs more than the loop for
// short texts) and copies the result into one exact-size buffer. Single-threaded, never re-entered.
let scratch = allocate(4096);

function ensureCapacity(needed: number): Buffers {
  if (needed > scratch.codes.length) {
    const bigger = allocate(Math.max(needed, scratch.codes.length * 2));
    bigger.codes.set(scratch.codes);
    bigger.sourceIndex.set(scratch.sourceIndex);
    bigger.tokens.set(scratch.tokens);
    bigger.tokenWord.set(scratch.tokenWord);
    bigger.tokenClause.set(scratch.tokenClause);
    scratch = bigger;
  }
  return scratch;
}

export function layoutText(source: string): TextLayout {
  const length = layoutIntoScratch(source);
  return createLayout(scratch, length);
}

// Character kinds in the layout loop. ASCII kinds come from a table: one load instead of three range
// tests per character, which is most of the work on long documents.
const separator = 0;
const lowerKind = 1;
const upperKind = 2;
const digitKind = 3;
/** A letter or number outside ASCII that is neither upper, lower nor a digit (e.g. titlecase, CJK). */
const otherAlnumKind = 4;
const asciiKinds = new Uint8Array(128);
for (let code = 97; code <= 122; code++) asciiKinds[code] = lowerKind;
for (let code = 65; code <= 90; code++) asciiKinds[code] = upperKind;
for (let code = 48; code <= 57; code++) asciiKinds[code] = digitKind;

/**
 * Lays the text out in the shared scratch buffers and returns its compact length. The buffers stay
 * valid only until the next layout, so the caller must finish reading them first.
 */
export function layoutIntoScratch(source: string): number {
  // ASCII yields one compact unit per source unit; only folding other characters can expand.
  let b = ensureCapacity(source.length);
  // Locals rather than b.codes… so the loop does not reload them; refreshed whenever b grows.
  let { codes, sourceIndex, tokens, tokenWord, tokenClause } = b;
  const sourceLength = source.length;
  let length = 0;
  let tokenCount = 0;
  let wordNo = 0;
  let clauseNo = 0;
  let sawSeparator = false;
  // The previous alphanumeric character's kind; `separator` after a separator (no previous).
  let prev = separator;
  let offset = 0;
  while (offset < sourceLength) {
    const code = source.charCodeAt(offset);
    let width = 1;
    let kind: number;
    let folded: string | null = null;
    if (code < 128) {
      kind = asciiKinds[code] ?? separator;
      if (kind === separator) {
        sawSeparator = true;
        if (code === 10 || code === 59 || code === 33 || code === 63) clauseNo++;
        else if (code === 46) {
          const next = offset + 1 < sourceLength ? source.charCodeAt(offset + 1) : -1;
          if (next === -1 || (next < 128 ? asciiSpace(next) : /\s/.test(charAt(source, offset + 1) ?? ""))) clauseNo++;
        }
        prev = separator;
        offset += 1;
        continue;
      }
    } else {
      const char = charAt(source, offset) ?? "";
      width = char.length;
      const charKind = classify(char);
      if (charKind === "mark") {
        offset += width;
        continue;
      }
      if (charKind === "other") {
        sawSeparator = true;
        if (isClauseBreak(char, charAt(source, offset + width))) clauseNo++;
        prev = separator;
        offset += width;
        continue;
      }
      kind = isUpper(char) ? upperKind : isLower(char) ? lowerKind : isDigit(char) ? digitKind : otherAlnumKind;
      folded = fold(char);
    }
    const camel =
      kind === upperKind && (prev === lowerKind || (prev === upperKind && nextIsLower(source, offset + width)));
    const digitChange = prev !== separator && (prev === digitKind) !== (kind === digitKind);
    if (length > 0 && (sawSeparator || camel)) wordNo++;
    const startsToken = length === 0 || sawSeparator || camel || digitChange;
    if (folded === null) {
      codes[length] = kind === upperKind ? code + 32 : code;
      sourceIndex[length] = offset;
      if (startsToken) {
        tokens[tokenCount] = length;
        tokenWord[tokenCount] = wordNo;
        tokenClause[tokenCount] = clauseNo;
        tokenCount++;
      }
      length++;
    } else {
      if (folded.length === 0) {
        offset += width;
        continue;
      }
      // Leave room for the rest of the source at one unit per unit, as the ASCII path assumes.
      b = ensureCapacity(length + folded.length + (source.length - offset - width));
      ({ codes, sourceIndex, tokens, tokenWord, tokenClause } = b);
      for (let k = 0; k < folded.length; k++) {
        codes[length] = folded.charCodeAt(k);
        sourceIndex[length] = offset;
        if (k === 0 && startsToken) {
          tokens[tokenCount] = length;
          tokenWord[tokenCount] = wordNo;
          tokenClause[tokenCount] = clauseNo;
          tokenCount++;
        }
        length++;
      }
    }
    sawSeparator = false;
    prev = kind;
    offset += width;
    if (kind === upperKind) {
      // Capitals after a capital ("IMPRESSION", "DXA") start no token unless a lower-case letter
      // follows them ("DXAScan": the S starts "scan"), which is left to the checks above.
      while (offset < sourceLength) {
        const next = source.charCodeAt(offset);
        if (next < 65 || next > 90) break;
        const after = offset + 1 < sourceLength ? source.charCodeAt(offset + 1) : -1;
        if ((after >= 97 && after <= 122) || after >= 128) break;
        codes[length] = next + 32;
        sourceIndex[length] = offset;
        length++;
        offset++;
      }
    }
    // Most characters sit inside a run that starts no token: ASCII digits after a digit, lower-case
    // ASCII letters after a letter. Copy the run without the checks above.
    const digits = kind === digitKind;
    const low = digits ? 48 : 97;
    const high = digits ? 57 : 122;
    const runStart = offset;
    while (offset < sourceLength) {
      const next = source.charCodeAt(offset);
      if (next < low || next > high) break;
      codes[length] = next;
      sourceIndex[length] = offset;
      length++;
      offset++;
    }
    if (!digits && offset > runStart) prev = lowerKind;
  }
  b.tokenCount = tokenCount;
  return length;
}

/** The scratch buffers written by layoutIntoScratch (read-only for callers). */
export function scratchLayout(): Readonly<Buffers> {
  return scratch;
}

function createLayout(b: Buffers, length: number): TextLayout {
  // One allocation for all five arrays; Int32 parts first so every view is aligned.
  const buffer = new ArrayBuffer(length * 15 + 1);
  const sourceIndex = new Int32Array(buffer, 0, length);
  const word = new Int32Array(buffer, length * 4, length);
  const clause = new Int32Array(buffer, length * 8, length);
  const codes = new Uint16Array(buffer, length * 12, length);
  const boundary = new Uint8Array(buffer, length * 14, length + 1);
  sourceIndex.set(b.sourceIndex.subarray(0, length));
  // A token may start or end only where one starts, and at both ends of the text.
  for (let t = 0; t < b.tokenCount; t++) {
    const from = b.tokens[t] ?? 0;
    const to = t + 1 < b.tokenCount ? (b.tokens[t + 1] ?? length) : length;
    word.fill(b.tokenWord[t] ?? 0, from, to);
    clause.fill(b.tokenClause[t] ?? 0, from, to);
    boundary[from] = 1;
  }
  codes.set(b.codes.subarray(0, length));
  boundary[0] = 1;
  boundary[length] = 1;
  let compact: string | null = null;
  return {
    codes,
    get compact() {
      compact ??= decodeUnits(codes);
      return compact;
    },
    sourceIndex,
    boundary,
    word,
    clause,
  };
}

function nextIsLower(source: string, index: number): boolean {
  if (index < source.length) {
    const code = source.charCodeAt(index);
    if (code < 128) return code >= 97 && code <= 122;
  }
  const next = charAt(source, index);
  return next !== undefined && isLower(next);
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const utf16 = new TextDecoder("utf-16le");

function decodeUnits(codes: Uint16Array): string {
  // Compact text never holds a lone surrogate (unpaired surrogates are separators), so decoding is lossless.
  if (littleEndian) return utf16.decode(codes);
  let out = "";
  for (let from = 0; from < codes.length; from += 8192) out += String.fromCharCode(...codes.subarray(from, from + 8192));
  return out;
}

export function normalizeText(source: string): NormalizedText {
  const layout = layoutText(source);
  return {
    compact: layout.compact,
    sourceIndex: Array.from(layout.sourceIndex),
    boundary: Array.from(layout.boundary, (b) => b === 1),
    word: Array.from(layout.word),
    clause: Array.from(layout.clause),
  };
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
