import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileScreeningTypes, type CompiledMatcher } from "./compile-screening-types";
import { matchesIn } from "./index-patient-facts";
import { findKeywordMatches, type KeywordMatcher } from "./match-keywords";
import { compactPhrase } from "./normalize-text";
import { buildPhraseTrie } from "./phrase-trie";
import { uspstfAdultPrimaryCarePreset } from "./presets/uspstf-adult-primary-care";
import { scanText } from "./scan-text";
import { screeningPresetSchema } from "./screening-type";

/**
 * The engine scans each text once for every type's phrases and the context cues (one trie, token
 * tables in scratch buffers); findKeywordMatches scans it per matcher on a full layout. Both must
 * give the same matches (offsets, context, cue, snippet) for every matcher on any text.
 */
const types = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;
const list = compileScreeningTypes(types);
const matchers = new Map<number, CompiledMatcher>();
for (const compiled of list.types) {
  for (const matcher of [compiled.evidenceMatcher, compiled.exclusionMatcher, compiled.trigger?.matcher]) {
    if (matcher) matchers.set(matcher.id, matcher);
  }
}
const standalone = (matcher: CompiledMatcher): KeywordMatcher => ({
  trie: buildPhraseTrie(matcher.owners.map((owner) => compactPhrase(owner.phrase))), owners: matcher.owners, termCount: matcher.termCount,
});

const phrases = [...matchers.values()].flatMap((m) => m.owners.map((o) => o.phrase));
const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...phrases), weight: 3 },
  fc.constantFrom("no", "not", "declined", "history of", "s/p", "plan", "recommend", "due", "mother", "but", "however", "prior", "had a", "ordered"),
  fc.constantFrom(" ", "  ", ". ", ".\n", "\n", "; ", ": ", ", ", "-", "_", "/", "(", ")", "\t", "\u00a0", " – "),
  fc.constantFrom("Patient", "screeningMammogram", "DXAScan", "HbA1c", "2024", "7.2", "é", "ß", "ﬁ", "İ", "𝐀", "\ud800", "\uE000", "COLONOSCOPY"),
  fc.string({ maxLength: 8 }),
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(""));

describe("scanText", () => {
  test("the preset's matchers are there to compare", () => {
    expect(matchers.size).toBeGreaterThan(10);
    expect([...matchers.values()].some((m) => m.hasBlockers)).toBe(true);
  });

  test("gives every matcher exactly findKeywordMatches' matches", () => {
    const own = new Map([...matchers].map(([id, matcher]) => [id, standalone(matcher)]));
    let found = 0;
    const contexts = new Set<string>();
    fc.assert(fc.property(text, (source) => {
      const scan = scanText(source, list);
      for (const [id, matcher] of matchers) {
        const expected = findKeywordMatches(own.get(id) as KeywordMatcher, source);
        found += expected.length;
        for (const match of expected) contexts.add(match.context);
        expect(matchesIn(scan, matcher), `${JSON.stringify(source)} matcher ${id}`).toEqual(expected);
      }
    }), { numRuns: 1500 });
    expect(found).toBeGreaterThan(1000);
    expect([...contexts].sort()).toEqual(["affirmed", "family", "future", "historical", "negated"]);
  });
});
