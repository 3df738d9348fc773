import type { CompiledTypeList } from "./compile-screening-types";
import { classifyMention, cueStride, type CueTable } from "./detect-context";
import { sourceEnd, type KeywordMatch, type Span } from "./match-keywords";
import { layoutIntoScratch, scratchLayout } from "./normalize-text";
import { createTokenHits, scanTokens, type PhraseHit } from "./phrase-trie";

/** A keyword phrase found in a text (trie phrase index, compact offsets) and what its position says. */
export type KeywordHit = PhraseHit & { span: Span };

/**
 * Matcher ids as bits, 32 to a word: every type asks every text "do you mention my matcher?", and a
 * bit test answers that for far less than a Set lookup, with one small allocation per text.
 */
export type MatcherSet = Int32Array;
const noMatchers: MatcherSet = new Int32Array(0);

export function hasMatcher(set: MatcherSet, id: number): boolean {
  return ((set[id >>> 5] ?? 0) & (1 << (id & 31))) !== 0;
}

/**
 * A text scanned once with the list's combined trie: its keyword hits in scan order, each with its
 * span, which matchers they touch and, filled by matchesIn, each asked matcher's matches. The cue
 * hits are used up during the scan, where every keyword hit is classified against them.
 */
export type TextScan = { source: string; keywordHits: KeywordHit[]; matchers: MatcherSet; matches: Map<number, readonly KeywordMatch[]> | null };

// Scratch for one scan at a time (single-threaded, never re-entered): hits and the cue table.
const hits = createTokenHits();
const cues: CueTable = { data: new Int32Array(cueStride * 64), count: 0 };

/**
 * Lays the text out in scratch buffers, finds every cue and keyword phrase in one pass of the trie,
 * and measures each keyword hit at once (source offsets, context), so only the hits outlive the
 * layout: no per-character arrays and no object per cue. Spans equal findKeywordMatches' (same
 * layout, same classifyMention), which the engine's golden and property tests hold it to.
 */
export function scanText(source: string, list: CompiledTypeList): TextScan {
  const length = layoutIntoScratch(source);
  const { codes, sourceIndex, tokens, tokenWord, tokenClause, tokenCount } = scratchLayout();
  scanTokens(list.trie, codes, length, tokens, tokenCount, hits);
  const { data, count } = hits;
  const { cueCount } = list;
  let cueHits = 0;
  for (let i = 0; i < count; i++) {
    const phrase = data[3 * i] ?? 0;
    if (phrase >= cueCount) continue;
    if ((cueHits + 1) * cueStride > cues.data.length) {
      const bigger = new Int32Array(cues.data.length * 2);
      bigger.set(cues.data);
      cues.data = bigger;
    }
    const first = data[3 * i + 1] ?? 0;
    const after = data[3 * i + 2] ?? 0;
    const o = cueHits * cueStride;
    cues.data[o] = phrase;
    cues.data[o + 1] = tokens[first] ?? 0;
    cues.data[o + 2] = after < tokenCount ? (tokens[after] ?? length) : length;
    cues.data[o + 3] = tokenClause[first] ?? 0;
    cues.data[o + 4] = tokenWord[first] ?? 0;
    cues.data[o + 5] = tokenWord[after - 1] ?? 0;
    cueHits++;
  }
  cues.count = cueHits;
  const keywordHits: KeywordHit[] = [];
  let matchers = noMatchers;
  for (let i = 0; i < count; i++) {
    const phrase = data[3 * i] ?? 0;
    if (phrase < cueCount) continue;
    const first = data[3 * i + 1] ?? 0;
    const after = data[3 * i + 2] ?? 0;
    const start = tokens[first] ?? 0;
    const end = after < tokenCount ? (tokens[after] ?? length) : length;
    const firstWord = tokenWord[first] ?? 0;
    const { context, cue } = classifyMention(cues, start, end, tokenClause[first] ?? 0, firstWord, tokenWord[after - 1] ?? firstWord);
    const sourceStart = sourceIndex[start] ?? 0;
    const span: Span = { start: sourceStart, end: sourceEnd(source, sourceIndex[end - 1] ?? sourceStart), context, cue, snippet: null };
    keywordHits.push({ phraseIndex: phrase, start, end, span });
    if (matchers === noMatchers) matchers = new Int32Array((list.matcherCount + 31) >>> 5);
    for (const id of list.phraseMatchers[phrase - cueCount] ?? []) matchers[id >>> 5] = (matchers[id >>> 5] ?? 0) | (1 << (id & 31));
  }
  return { source, keywordHits, matchers, matches: null };
}
