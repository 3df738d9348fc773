/**
 * Word accuracy of OCR output against a ground truth: 1 − (word-level edit distance ÷ words in the
 * ground truth), floored at 0. Used by the tests and the eval:ocr command; pure and allocation-light.
 */
export type WordComparison = { referenceWords: number; errors: number; accuracy: number };
export type WordAccuracyOptions = { caseSensitive?: boolean; ignorePunctuation?: boolean };

export function tokenizeWords(text: string, options: WordAccuracyOptions = {}): string[] {
  let normalized = text.normalize("NFKC");
  if (!options.caseSensitive) normalized = normalized.toLowerCase();
  if (options.ignorePunctuation) normalized = normalized.replace(/[^\p{L}\p{N}\s]+/gu, " ");
  return normalized.split(/\s+/).filter((word) => word.length > 0);
}

/** Levenshtein distance over tokens (insertions, deletions and substitutions cost 1). */
export function countEditDistance(reference: readonly string[], hypothesis: readonly string[]): number {
  if (reference.length === 0) return hypothesis.length;
  if (hypothesis.length === 0) return reference.length;
  let previous = Array.from({ length: hypothesis.length + 1 }, (_, j) => j);
  let current = new Array<number>(hypothesis.length + 1).fill(0);
  for (let i = 1; i <= reference.length; i++) {
    current[0] = i;
    for (let j = 1; j <= hypothesis.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (reference[i - 1] === hypothesis[j - 1] ? 0 : 1);
      current[j] = Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[hypothesis.length] ?? 0;
}

export function compareWords(reference: string, hypothesis: string, options: WordAccuracyOptions = {}): WordComparison {
  const ref = tokenizeWords(reference, options);
  const hyp = tokenizeWords(hypothesis, options);
  const errors = countEditDistance(ref, hyp);
  if (ref.length === 0) return { referenceWords: 0, errors, accuracy: hyp.length === 0 ? 1 : 0 };
  return { referenceWords: ref.length, errors, accuracy: Math.max(0, 1 - errors / ref.length) };
}

export function measureWordAccuracy(reference: string, hypothesis: string, options: WordAccuracyOptions = {}): number {
  return compareWords(reference, hypothesis, options).accuracy;
}

/** Pools several comparisons the way an eval reports them: total errors over total words. */
export function sumWordComparisons(comparisons: readonly WordComparison[]): WordComparison {
  const referenceWords = comparisons.reduce((sum, c) => sum + c.referenceWords, 0);
  const errors = comparisons.reduce((sum, c) => sum + c.errors, 0);
  return { referenceWords, errors, accuracy: referenceWords === 0 ? 1 : Math.max(0, 1 - errors / referenceWords) };
}

/**
 * Word recall, order-insensitive: the share of the reference's words (a multiset, punctuation
 * ignored) that the hypothesis contains. Reading order legitimately differs in tables and forms, so
 * this is the text-layer figure (HARNESS.md) and the one pdftotext is compared on; `errors` = missed.
 */
export function compareWordRecall(reference: string, hypothesis: string): WordComparison {
  const options = { ignorePunctuation: true };
  const bag = new Map<string, number>();
  for (const word of tokenizeWords(hypothesis, options)) bag.set(word, (bag.get(word) ?? 0) + 1);
  const ref = tokenizeWords(reference, options);
  let missed = 0;
  for (const word of ref) {
    const left = bag.get(word) ?? 0;
    if (left > 0) bag.set(word, left - 1);
    else missed++;
  }
  return { referenceWords: ref.length, errors: missed, accuracy: ref.length === 0 ? 1 : 1 - missed / ref.length };
}
