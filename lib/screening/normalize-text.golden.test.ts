import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { layoutIntoScratch, layoutText, normalizeText, scratchLayout } from "./normalize-text";
import { buildPhraseTrie, scanPhraseTrie, scanPhraseTrieAtTokens, type PhraseHit } from "./phrase-trie";

/**
 * The typed-array normaliser and flat trie once had to equal plain reference copies kept in lib/.
 * Now: the normaliser's output on recorded generated texts (the first recording equalled the
 * reference's; scripts/record-screening-golden.ts re-records after a reviewed change), and the trie
 * checked against its definition by brute force on any text.
 */
type TextGolden = {
  normalize: { source: string; compact: string; sourceIndex: number[]; boundary: string; word: number[]; clause: number[] }[];
  scans: { phrases: string[]; source: string; hits: [number, number, number][] }[];
};
const golden = JSON.parse(readFileSync(path.join(import.meta.dirname, "fixtures", "normalize-text.expected.json"), "utf8")) as TextGolden;

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.array(fc.constantFrom("DXA", "dxaScan", "HbA1c", "e\u0301", "ﬁ", "İ", "ǅ", "²", "7.2", ". ", ".\u00a0", "\n", "_", "Σ", "ß", "𝐀", "𐐀", "\ud800", "-", "ＤＸＡ"), { maxLength: 12 }).map((parts) => parts.join("")),
);

/** The definition: every phrase occurrence starting and ending on a boundary, by start, end, phrase. */
function scanByDefinition(phrases: readonly string[], compact: string, boundary: readonly boolean[]): PhraseHit[] {
  const hits: PhraseHit[] = [];
  // A phrase holding an astral character never matches (scans step one UTF-16 unit at a time).
  const usable = phrases.map((p) => p.length > 0 && !/[\ud800-\udbff][\udc00-\udfff]/.test(p));
  for (let start = 0; start < compact.length; start++) {
    if (!boundary[start]) continue;
    for (let end = start + 1; end <= compact.length; end++) {
      if (!boundary[end]) continue;
      phrases.forEach((phrase, phraseIndex) => {
        if (usable[phraseIndex] && phrase === compact.slice(start, end)) hits.push({ phraseIndex, start, end });
      });
    }
  }
  return hits;
}

describe("normaliser: recorded answers", () => {
  test("the recording is there and not trivial", () => {
    expect(golden.normalize.length).toBeGreaterThan(500);
    expect(golden.scans.filter((s) => s.hits.length > 0).length).toBeGreaterThan(100);
  });

  test("normalizeText gives the recorded layout for every recorded text", () => {
    for (const n of golden.normalize) {
      const actual = normalizeText(n.source);
      expect({ ...actual, boundary: actual.boundary.map((b) => (b ? "1" : "0")).join("") }, JSON.stringify(n.source)).toEqual({ ...n, source: undefined });
    }
  });

  test("scans give the recorded hits", () => {
    for (const s of golden.scans) {
      const hits = scanPhraseTrie(buildPhraseTrie(s.phrases.map((p) => normalizeText(p).compact)), layoutText(s.source));
      expect(hits.map((h) => [h.phraseIndex, h.start, h.end])).toEqual(s.hits);
    }
  });
});

describe("trie: checked against its definition", () => {
  test("scanPhraseTrie finds exactly the boundary-to-boundary occurrences", () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 6 }), text, fc.nat(), (phrases, source, at) => {
      const n = normalizeText(source);
      // One phrase cut from the text itself, so most runs have something to find.
      const cut = n.compact.slice(at % (n.compact.length + 1), (at % (n.compact.length + 1)) + 1 + (at % 7));
      const compact = [...phrases.map((p) => normalizeText(p).compact), cut];
      expect(scanPhraseTrie(buildPhraseTrie(compact), layoutText(source))).toEqual(scanByDefinition(compact, n.compact, n.boundary));
    }), { numRuns: 1000 });
  });

  // Boundaries are derived from the token starts (the recorded answers above hold both to the
  // normaliser's rules); this holds the token-start scan to the boundary-by-boundary one.
  test("scanning from a layout's token starts finds the hits of scanning every boundary", () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 6 }), text, (phrases, source) => {
      const trie = buildPhraseTrie(phrases.map((phrase) => normalizeText(phrase).compact));
      const expected = scanPhraseTrie(trie, layoutText(source));
      const length = layoutIntoScratch(source);
      const { codes, tokens, tokenCount } = scratchLayout();
      const starts = Array.from(tokens.subarray(0, tokenCount));
      expect(starts.every((start, i) => start < length && (i === 0 ? start === 0 : start > (starts[i - 1] ?? 0)))).toBe(true);
      expect(scanPhraseTrieAtTokens(trie, codes, length, tokens, tokenCount)).toEqual(expected);
    }), { numRuns: 1000 });
  });
});
