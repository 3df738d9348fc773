import fc from "fast-check";
import { describe, expect, it, test } from "vitest";
import { compareWordRecall, compareWords, countEditDistance, measureWordAccuracy, sumWordComparisons, tokenizeWords } from "./word-accuracy";

describe("word accuracy", () => {
  it("is 1 for identical text regardless of spacing and case", () => {
    expect(measureWordAccuracy("Hemoglobin A1c 6.1 %", "hemoglobin   a1c\n6.1 %")).toBe(1);
  });

  it("counts substitutions, insertions and deletions", () => {
    expect(countEditDistance(["a", "b", "c"], ["a", "x", "c"])).toBe(1);
    expect(countEditDistance(["a", "b", "c"], ["a", "c"])).toBe(1);
    expect(countEditDistance(["a", "c"], ["a", "b", "c"])).toBe(1);
    expect(countEditDistance([], ["a"])).toBe(1);
    const comparison = compareWords("HbA1c is 6.1", "HbAlc is 6.1");
    expect(comparison).toMatchObject({ referenceWords: 3, errors: 1 });
    expect(comparison.accuracy).toBeCloseTo(2 / 3, 10);
  });

  it("can ignore punctuation and keep case", () => {
    expect(tokenizeWords("Findings: normal.", { ignorePunctuation: true })).toEqual(["findings", "normal"]);
    expect(measureWordAccuracy("Polyp", "polyp", { caseSensitive: true })).toBe(0);
  });

  it("never goes below 0 and handles empty references", () => {
    expect(measureWordAccuracy("a", "x y z w")).toBe(0);
    expect(measureWordAccuracy("", "")).toBe(1);
    expect(measureWordAccuracy("", "noise")).toBe(0);
  });

  it("pools comparisons by total words", () => {
    const pooled = sumWordComparisons([compareWords("a b c d", "a b c d"), compareWords("a b", "a x")]);
    expect(pooled).toMatchObject({ referenceWords: 6, errors: 1 });
    expect(pooled.accuracy).toBeCloseTo(5 / 6, 10);
  });

  it("is symmetric in distance and bounded by the longer text", () => {
    const words = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 30 });
    fc.assert(
      fc.property(words, words, (a, b) => {
        const d = countEditDistance(a, b);
        expect(d).toBe(countEditDistance(b, a));
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
        expect(d).toBeGreaterThanOrEqual(Math.abs(a.length - b.length));
      }),
    );
  });
});

describe("compareWordRecall", () => {
  test.each([
    ["same words in another order", "Glucose 95 mg/dL", "mg/dL 95 Glucose", 1],
    ["punctuation and case ignored", "Impression: BI-RADS 1.", "impression bi rads 1", 1],
    ["a missing word", "left breast normal", "left normal", 2 / 3],
    ["a repeated word counts each time", "no no no", "no", 1 / 3],
    ["extra words cost nothing", "normal", "normal study today", 1],
  ])("%s", (_name, reference, hypothesis, recall) => {
    expect(compareWordRecall(reference, hypothesis).accuracy).toBeCloseTo(recall, 5);
  });
});
