import { classifyMatchContext, findContextCues, type CueHit, type MatchContext } from "./detect-context";
import { compactPhrase, normalizeText, type NormalizedText } from "./normalize-text";
import { buildPhraseTrie, scanPhraseTrie, type PhraseTrie } from "./phrase-trie";

/**
 * A keyword and its synonyms and abbreviations; a mention of any phrase is a mention of `id`.
 * `blockers` are longer phrases that contain a phrase but name something else ("virtual colonoscopy"
 * is not a colonoscopy, "HPV vaccine" is not an HPV test); a mention inside one is dropped.
 */
export type KeywordEntry = { id: string; phrases: readonly string[]; blockers?: readonly string[] };
type Owner = { id: string; phrase: string; blocker: boolean };
export type KeywordMatcher = { trie: PhraseTrie; owners: Owner[]; termCount: number };

/** Text normalised once and reused by every matcher that reads it (documents are scanned per type). */
export type PreparedText = { source: string; normalized: NormalizedText; cues: CueHit[] };

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
  const normalized = normalizeText(source);
  return { source, normalized, cues: findContextCues(normalized) };
}

function buildSnippet(source: string, start: number, end: number): string {
  const from = Math.max(0, start - snippetRadius);
  const to = Math.min(source.length, end + snippetRadius);
  const body = source.slice(from, to).replace(/\s+/g, " ").trim();
  return `${from > 0 ? "…" : ""}${body}${to < source.length ? "…" : ""}`;
}

/** Every whole-token mention of a keyword phrase, with its negation or temporal context. */
export function findKeywordMatches(matcher: KeywordMatcher, text: string | PreparedText): KeywordMatch[] {
  const prepared = typeof text === "string" ? prepareText(text) : text;
  const { normalized, source } = prepared;
  const matches: KeywordMatch[] = [];
  const hits = scanPhraseTrie(matcher.trie, normalized);
  const blocked = hits.filter((hit) => matcher.owners[hit.phraseIndex]?.blocker);
  for (const hit of hits) {
    const owner = matcher.owners[hit.phraseIndex];
    if (!owner || owner.blocker) continue;
    const inside = (b: (typeof hits)[number]) =>
      b.start <= hit.start && b.end >= hit.end && matcher.owners[b.phraseIndex]?.id === owner.id;
    if (blocked.some(inside)) continue;
    const start = normalized.sourceIndex[hit.start] ?? 0;
    const lastSource = normalized.sourceIndex[hit.end - 1] ?? start;
    const end = lastSource + ((source.codePointAt(lastSource) ?? 0) > 0xffff ? 2 : 1);
    const { context, cue } = classifyMatchContext(normalized, prepared.cues, hit.start, hit.end);
    matches.push({
      keywordId: owner.id,
      phrase: owner.phrase,
      start,
      end,
      context,
      cue,
      snippet: buildSnippet(source, start, end),
    });
  }
  return matches.sort((a, b) => a.start - b.start || a.end - b.end || compareText(a.phrase + a.keywordId, b.phrase + b.keywordId));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
