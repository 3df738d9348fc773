import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { layoutText, normalizeText } from "./normalize-text";
import { buildPhraseTrie, scanPhraseTrie } from "./phrase-trie";
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
});
