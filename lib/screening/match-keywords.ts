import { classifyMatchContext, findContextCues, findTerminators, type ContextText, type CueHit, type MatchContext } from "./detect-context";
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
 * on a mention's position (context, offsets, snippet), so many matchers share that work.
 */
export type PreparedText = SpanTable & { normalized: TextLayout; layout: TextLayout };

/**
 * Per-mention facts keyed by compact (start, end): source offsets, context and, on first use, the
 * snippet. `layout` measures spans not yet in the table; the engine fills the table while its
 * scratch layout is live and keeps no layout (null) afterwards.
 */
export type SpanTable = {
  source: string;
  cues: readonly CueHit[];
  layout: SpanLayout | null;
  spans: Map<number, Span>;
  /** findTerminators(cues), worked out on the first measured span. */
  terminators?: readonly CueHit[];
};
export type SpanLayout = { sourceIndex: ArrayLike<number> } & ContextText;
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
  return { source, normalized, layout: normalized, cues: findContextCues(normalized), spans: new Map() };
}

function buildSnippet(source: string, start: number, end: number): string {
  const from = Math.max(0, start - snippetRadius);
  const to = Math.min(source.length, end + snippetRadius);
  const slice = source.slice(from, to);
  const body = isTidy(slice) ? slice : slice.replace(/\s+/g, " ").trim();
  return `${from > 0 ? "…" : ""}${body}${to < source.length ? "…" : ""}`;
}

/**
 * True when collapsing whitespace and trimming would leave the text unchanged: plain ASCII with single
 * inner spaces only. Most snippets are, and skipping the regular expression for them is cheaper.
 */
function isTidy(text: string): boolean {
  let previousSpace = true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (previousSpace) return false;
      previousSpace = true;
    } else {
      if (code >= 128 || (code >= 9 && code <= 13)) return false;
      previousSpace = false;
    }
  }
  return !previousSpace || text.length === 0;
}

/** Every whole-token mention of a keyword phrase, with its negation or temporal context. */
export function findKeywordMatches(matcher: KeywordMatcher, text: string | PreparedText): KeywordMatch[] {
  const prepared = typeof text === "string" ? prepareText(text) : text;
  return resolveKeywordMatches(matcher.owners, scanPhraseTrie(matcher.trie, prepared.normalized), prepared);
}

/**
 * Turns phrase hits (phraseIndex into `owners`, in scan order) into matches: drops mentions inside a
 * blocker of the same keyword, then adds context and snippet. Shared by findKeywordMatches and the
 * engine's one-scan-per-text path, so both give identical matches.
 */
export function resolveKeywordMatches(owners: readonly Owner[], hits: readonly PhraseHit[], prepared: SpanTable): KeywordMatch[] {
  const matches: KeywordMatch[] = [];
  let blocked: PhraseHit[] | null = null;
  for (const hit of hits) {
    const owner = owners[hit.phraseIndex];
    if (!owner || owner.blocker) continue;
    blocked ??= hits.filter((b) => owners[b.phraseIndex]?.blocker);
    if (blocked.length > 0 && blocked.some((b) => b.start <= hit.start && b.end >= hit.end && owners[b.phraseIndex]?.id === owner.id)) continue;
    const span = spanOf(prepared, hit.start, hit.end);
    span.snippet ??= buildSnippet(prepared.source, span.start, span.end);
    matches.push({
      keywordId: owner.id,
      phrase: owner.phrase,
      start: span.start,
      end: span.end,
      context: span.context,
      cue: span.cue,
      snippet: span.snippet,
    });
  }
  if (matches.length < 2) return matches;
  return matches.sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.phrase + a.keywordId, b.phrase + b.keywordId));
}

function spanOf(table: SpanTable, compactStart: number, compactEnd: number): Span {
  const cached = table.spans.get(spanKey(compactStart, compactEnd));
  if (cached) return cached;
  if (table.layout === null) throw new Error("span was not measured while the text layout was available");
  return measureSpan(table, table.layout, compactStart, compactEnd);
}

export function spanKey(compactStart: number, compactEnd: number): number {
  return compactStart * 1_000_003 + compactEnd;
}

/** Measures a mention against a layout and records it in the table. */
export function measureSpan(table: SpanTable, layout: SpanLayout, compactStart: number, compactEnd: number): Span {
  const { source } = table;
  const start = layout.sourceIndex[compactStart] ?? 0;
  const lastSource = layout.sourceIndex[compactEnd - 1] ?? start;
  const end = lastSource + ((source.codePointAt(lastSource) ?? 0) > 0xffff ? 2 : 1);
  table.terminators ??= findTerminators(table.cues);
  const { context, cue } = classifyMatchContext(layout, table.cues, compactStart, compactEnd, table.terminators);
  const span: Span = { start, end, context, cue, snippet: null };
  table.spans.set(spanKey(compactStart, compactEnd), span);
  return span;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
