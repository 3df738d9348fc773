import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { layoutIntoScratch, layoutText, normalizeText, scratchLayout } from "./normalize-text";
import { buildPhraseTrie, scanPhraseTrie, scanPhraseTrieAtTokens } from "./phrase-trie";
import { normalizeText as referenceNormalizeText } from "./reference/normalize-text";
import { buildPhraseTrie as referenceBuildTrie, scanPhraseTrie as referenceScan } from "./reference/phrase-trie";

// The typed-array normaliser and flat trie must agree exactly with the originals on any text.
const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.array(fc.constantFrom("DXA", "dxaScan", "HbA1c", "e\u0301", "ﬁ", "İ", "ǅ", "²", "7.2", ". ", ".\u00a0", "\n", "_", "Σ", "ß", "𝐀", "𐐀", "\ud800", "-", "ＤＸＡ"), { maxLength: 12 }).map((parts) => parts.join("")),
);

describe("normaliser and trie equal the reference implementations", () => {
  test("normalizeText", () => {
    fc.assert(fc.property(text, (source) => {
      expect(normalizeText(source)).toEqual(referenceNormalizeText(source));
    }), { numRuns: 2000 });
  });

  test("scanPhraseTrie", () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 6 }), text, (phrases, source) => {
      const compact = phrases.map((phrase) => referenceNormalizeText(phrase).compact);
      expect(scanPhraseTrie(buildPhraseTrie(compact), layoutText(source))).toEqual(referenceScan(referenceBuildTrie(compact), referenceNormalizeText(source)));
    }), { numRuns: 1000 });
  });

  test("the token starts a layout records are exactly its boundaries, and scanning from them finds the same hits", () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 6 }), text, (phrases, source) => {
      const trie = buildPhraseTrie(phrases.map((phrase) => referenceNormalizeText(phrase).compact));
      const length = layoutIntoScratch(source);
      const { codes, boundary, tokens, tokenCount } = scratchLayout();
      const starts = Array.from(boundary.subarray(0, length), (b, i) => (b === 1 ? i : -1)).filter((i) => i >= 0);
      expect(Array.from(tokens.subarray(0, tokenCount))).toEqual(starts);
      const hits = scanPhraseTrieAtTokens(trie, codes, boundary, length, tokens, tokenCount);
      expect(hits).toEqual(referenceScan(referenceBuildTrie(phrases.map((phrase) => referenceNormalizeText(phrase).compact)), referenceNormalizeText(source)));
    }), { numRuns: 1000 });
  });

  test("long lower-case runs and camel humps after them lay out as the reference does", () => {
    for (const source of ["colonoscopyReport", "abcdefDEFghi", "x".repeat(5000) + "Y" + "z".repeat(5000), "mammo2024scan", "éabcDef", "ﬁnalReport"]) {
      expect(normalizeText(source)).toEqual(referenceNormalizeText(source));
    }
  });
});
