import { collapseWhitespace } from "./collapse-whitespace";
import { buildCueTable, classifyMatchContext, findContextCues, type CueTable, type MatchContext } from "./detect-context";
import { compactPhrase, layoutText, type TextLayout } from "./normalize-text";
import { buildPhraseTrie, scanPhraseTrie, type PhraseHit, type PhraseTrie } from "./phrase-trie";

/**
 * A keyword and its synonyms and abbreviations; a mention of any phrase is a mention of `id`.
 * `blockers` are longer phrases that contain a phrase but name something else ("virtual colonoscopy"
 * is not a colonoscopy, "HPV vaccine" is not an HPV test); a mention inside one is dropped.
 */
export type KeywordEntry = { id: string; phrases: readonly string[]; blockers?: readonly string[] };
export type KeywordOwner = { id: string; phrase: string; blocker: boolean };
type Owner = KeywordOwner;
export type KeywordMatcher = { trie: PhraseTrie; owners: Owner[]; termCount: number };

/**
 * Text normalised once and reused by every matcher that reads it. `spans` memoises what depends only
 * on a mention's position (context, offsets, snippet), keyed by compact (start, end), so many
 * matchers share that work.
 */
export type PreparedText = { source: string; normalized: TextLayout; cues: CueTable; spans: Map<number, Span> };

/** What a mention's position says: source offsets, context and, on first use, the snippet. */
export type Span = { start: number; end: number; context: MatchContext; cue: string | null; snippet: string | null };

export type KeywordMatch = {
  keywordId: string;
  /** The configured phrase that matched (not the document text). */
  phrase: string;
  /** Source-text offsets of the mention, end exclusive. */
  start: number;
  end: number;
  context: MatchContext;
  cue: string | null;
  snippet: string;
};

const snippetRadius = 40;

export function compileKeywordMatcher(entries: readonly KeywordEntry[]): KeywordMatcher {
  const owners: Owner[] = [];
  for (const entry of entries) {
    for (const phrase of entry.phrases) owners.push({ id: entry.id, phrase, blocker: false });
    for (const phrase of entry.blockers ?? []) owners.push({ id: entry.id, phrase, blocker: true });
  }
  const termCount = owners.filter((owner) => !owner.blocker).length;
  return { trie: buildPhraseTrie(owners.map((owner) => compactPhrase(owner.phrase))), owners, termCount };
}

export function prepareText(source: string): PreparedText {
  const normalized = layoutText(source);
  return { source, normalized, cues: buildCueTable(normalized, findContextCues(normalized)), spans: new Map() };
}

/** The mention's source text ± snippetRadius characters, whitespace collapsed, "…" where cut. */
function buildSnippet(source: string, start: number, end: number): string {
  const from = Math.max(0, start - snippetRadius);
  const to = Math.min(source.length, end + snippetRadius);
  return `${from > 0 ? "…" : ""}${collapseWhitespace(source.slice(from, to))}${to < source.length ? "…" : ""}`;
}

/** Every whole-token mention of a keyword phrase, with its negation or temporal context. */
export function findKeywordMatches(matcher: KeywordMatcher, text: string | PreparedText): KeywordMatch[] {
  const prepared = typeof text === "string" ? prepareText(text) : text;
  return resolveKeywordMatches(matcher.owners, scanPhraseTrie(matcher.trie, prepared.normalized), prepared.source, (hit) => spanOf(prepared, hit.start, hit.end));
}

/**
 * Turns phrase hits (phraseIndex into `owners`, in scan order) into matches: drops mentions inside a
 * blocker of the same keyword, then adds context and snippet from the hit's span. Shared by
 * findKeywordMatches and the engine's one-scan-per-text path (scan-text), so both give identical matches.
 */
export function resolveKeywordMatches<Hit extends PhraseHit>(
  owners: readonly Owner[], hits: readonly Hit[], source: string, spanOf: (hit: Hit) => Span,
  hasBlockers = owners.some((owner) => owner.blocker),
): KeywordMatch[] {
  const matches: KeywordMatch[] = [];
  let blocked: Hit[] | null = hasBlockers ? null : [];
  for (const hit of hits) {
    const owner = owners[hit.phraseIndex];
    if (!owner || owner.blocker) continue;
    blocked ??= hits.filter((b) => owners[b.phraseIndex]?.blocker);
    if (blocked.length > 0 && blocked.some((b) => b.start <= hit.start && b.end >= hit.end && owners[b.phraseIndex]?.id === owner.id)) continue;
    matches.push(keywordMatchAt(owner, spanOf(hit), source));
  }
  return sortMatches(matches);
}

/** The match of `owner` at a span; the span's snippet is built on its first use. */
export function keywordMatchAt(owner: Owner, span: Span, source: string): KeywordMatch {
  span.snippet ??= buildSnippet(source, span.start, span.end);
  return { keywordId: owner.id, phrase: owner.phrase, start: span.start, end: span.end, context: span.context, cue: span.cue, snippet: span.snippet };
}

/**
 * Matches in order (start, end, then phrase and keyword). Hits come in scan order (by start, then
 * end), so the sort only has work when two phrases share a span.
 */
export function sortMatches(matches: KeywordMatch[]): KeywordMatch[] {
  for (let i = 1; i < matches.length; i++) {
    if (compareMatches(matches[i - 1] as KeywordMatch, matches[i] as KeywordMatch) > 0) return matches.sort(compareMatches);
  }
  return matches;
}

function compareMatches(a: KeywordMatch, b: KeywordMatch): number {
  return a.start - b.start || a.end - b.end || compareText(a.phrase + a.keywordId, b.phrase + b.keywordId);
}

function spanOf(prepared: PreparedText, compactStart: number, compactEnd: number): Span {
  const key = compactStart * 1_000_003 + compactEnd;
  const cached = prepared.spans.get(key);
  if (cached) return cached;
  const { source, normalized } = prepared;
  const start = normalized.sourceIndex[compactStart] ?? 0;
  const { context, cue } = classifyMatchContext(normalized, prepared.cues, compactStart, compactEnd);
  const span: Span = { start, end: sourceEnd(source, normalized.sourceIndex[compactEnd - 1] ?? start), context, cue, snippet: null };
  prepared.spans.set(key, span);
  return span;
}

/** The source offset just past the character at `lastSource` (two units for an astral character). */
export function sourceEnd(source: string, lastSource: number): number {
  return lastSource + ((source.codePointAt(lastSource) ?? 0) > 0xffff ? 2 : 1);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
