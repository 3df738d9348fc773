import { compactPhrase } from "./normalize-text";
import { buildPhraseTrie, scanPhraseTrie, type PhraseHit, type ScannableText } from "./phrase-trie";

/**
 * NegEx-style context for a keyword mention. Only an `affirmed` mention is evidence that a screening
 * was done; the rest are reported (so a clinician sees "declined") but never count as completion.
 * `historical` mentions ("history of colonoscopy") refer to an event at an unknown date, so they are
 * review material rather than proof dated on the document.
 */
export const matchContexts = ["affirmed", "negated", "family", "future", "historical"] as const;
export type MatchContext = (typeof matchContexts)[number];
type CueKind = Exclude<MatchContext, "affirmed"> | "terminator";
type Cue = { phrase: string; kind: CueKind; direction: "pre" | "post"; window: number };

const pre = (kind: CueKind, window: number, ...phrases: string[]): Cue[] =>
  phrases.map((phrase) => ({ phrase, kind, direction: "pre", window }));
const post = (kind: CueKind, window: number, ...phrases: string[]): Cue[] =>
  phrases.map((phrase) => ({ phrase, kind, direction: "post", window }));

// Windows are in words. They are short on purpose: "no evidence of malignancy on mammogram" must stay
// affirmed, so a bare "no" only reaches two words ("no prior mammogram").
const cues: Cue[] = [
  ...pre("negated", 5, "declined", "declines", "refused", "refuses", "unable to", "opted out of", "not interested in"),
  ...pre("negated", 4, "denies", "never had", "has not had", "have not had", "hasn't had", "did not have"),
  ...pre("negated", 4, "did not complete", "no record of", "cancelled", "canceled", "deferred", "defers"),
  ...pre("negated", 4, "no history of", "no hx of", "no h/o", "no prior", "no previous", "no recent"),
  ...pre("negated", 2, "no", "never", "not"),
  ...pre("negated", 1, "non"),
  ...post("negated", 3, "declined", "refused", "not performed", "not done", "not completed", "not obtained"),
  ...post("negated", 3, "cancelled", "canceled", "deferred", "contraindicated", "not indicated", "never done"),
  ...pre("family", 6, "family history of", "family hx", "fhx"),
  ...pre("family", 4, "mother", "father", "sister", "brother", "mom", "dad"),
  ...pre("future", 5, "recommend", "recommended", "recommends", "recommendation", "discussed", "counseled"),
  ...pre("future", 5, "counselled", "plan", "plan for"),
  ...pre("future", 4, "due for", "overdue for", "schedule", "scheduled", "to be scheduled", "will order"),
  ...pre("future", 4, "will schedule", "will obtain", "will get", "ordered", "planned", "consider", "offered"),
  ...pre("future", 4, "referral", "referral for", "referred for", "refer for", "refer to", "requested"),
  ...pre("future", 3, "order", "needs", "need", "pending", "awaiting", "request"),
  ...pre("future", 2, "next"),
  ...post("future", 3, "scheduled", "recommended", "to be scheduled", "is due"),
  ...post("future", 2, "ordered", "requested", "pending", "overdue", "due"),
  ...post("future", 1, "order", "orders", "requisition", "referral", "request"),
  ...pre("historical", 3, "history of", "hx of", "h/o", "s/p", "status post", "last", "previously"),
  ...pre("historical", 2, "previous", "prior", "had", "had a"),
  ...pre("terminator", 99, "but", "however", "although", "though", "except", "aside from"),
];

/** Cue phrases in cue order, so a combined keyword-and-cue trie can report cue hits by the same index. */
export const contextCuePhrases: readonly string[] = cues.map((cue) => compactPhrase(cue.phrase));
const cueTrie = buildPhraseTrie(contextCuePhrases);
// When several cues reach one mention, the strongest wins: a refusal outranks a plan, and so on.
const priority: Record<CueKind, number> = { negated: 0, family: 1, future: 2, historical: 3, terminator: 9 };

export type CueHit = PhraseHit;

const affirmed = Object.freeze({ context: "affirmed", cue: null } as const);

/** Word and clause numbers per compact character (plain or typed arrays). */
export type ContextText = { clause: ArrayLike<number>; word: ArrayLike<number> };

export function findContextCues(text: ScannableText): CueHit[] {
  return scanPhraseTrie(cueTrie, text);
}

/**
 * A text's cue hits with what classifying a mention reads of each, packed `cueStride` numbers to a
 * hit: cue index, compact start, compact end, clause of its first character, word of its first and
 * of its last character. The engine fills one while a text's layout is in its scratch buffers.
 */
export type CueTable = { data: Int32Array; count: number };
export const cueStride = 6;

/** The cue table of hits found by findContextCues (or a combined trie whose first phrases are the cues). */
export function buildCueTable(text: ContextText, cueHits: readonly CueHit[]): CueTable {
  const data = new Int32Array(cueHits.length * cueStride);
  cueHits.forEach((hit, i) => {
    const o = i * cueStride;
    data[o] = hit.phraseIndex;
    data[o + 1] = hit.start;
    data[o + 2] = hit.end;
    data[o + 3] = text.clause[hit.start] ?? 0;
    data[o + 4] = text.word[hit.start] ?? 0;
    data[o + 5] = text.word[hit.end - 1] ?? 0;
  });
  return { data, count: cueHits.length };
}

// Each cue's rule as typed arrays, and its answer as one frozen object: this runs for every mention.
const cuePriority = Int8Array.from(cues, (cue) => priority[cue.kind]);
const cueIsPre = Uint8Array.from(cues, (cue) => (cue.direction === "pre" ? 1 : 0));
const cueWindow = Int32Array.from(cues, (cue) => cue.window);
const terminatorPriority = priority.terminator;
const cueAnswers = cues.map((cue) => Object.freeze({ context: cue.kind as MatchContext, cue: cue.phrase }));

export type ContextAnswer = { readonly context: MatchContext; readonly cue: string | null };

/** The context of the mention at compact [matchStart, matchEnd) of a laid-out text with these cues. */
export function classifyMatchContext(text: ContextText, table: CueTable, matchStart: number, matchEnd: number): ContextAnswer {
  const firstWord = text.word[matchStart] ?? 0;
  return classifyMention(table, matchStart, matchEnd, text.clause[matchStart] ?? 0, firstWord, text.word[matchEnd - 1] ?? firstWord);
}

/**
 * The context of the mention at compact [matchStart, matchEnd), in clause `clause` and words
 * firstWord…lastWord: the strongest cue of its clause within the cue's window, before it ("pre") or
 * after it ("post"), with no terminator ("but", "however") in between; affirmed when none.
 */
export function classifyMention(
  table: CueTable, matchStart: number, matchEnd: number, clause: number, firstWord: number, lastWord: number,
): ContextAnswer {
  const { data, count } = table;
  // Cue hits come in text order, so their clauses ascend: only the mention's clause's run is read.
  let from = 0;
  for (let high = count; from < high;) {
    const mid = (from + high) >>> 1;
    if ((data[mid * cueStride + 3] ?? 0) < clause) from = mid + 1;
    else high = mid;
  }
  let to = from;
  while (to < count && data[to * cueStride + 3] === clause) to++;
  let best = -1;
  let bestPriority = 0;
  let bestDistance = 0;
  for (let i = from; i < to; i++) {
    const o = i * cueStride;
    const index = data[o] ?? 0;
    const rank = cuePriority[index] ?? terminatorPriority;
    if (rank === terminatorPriority) continue;
    const hitStart = data[o + 1] ?? 0;
    const hitEnd = data[o + 2] ?? 0;
    let distance: number;
    if (cueIsPre[index] === 1) {
      if (hitEnd > matchStart) continue;
      distance = firstWord - (data[o + 5] ?? 0);
      if (hasTerminatorBetween(data, from, to, hitEnd, matchStart)) continue;
    } else {
      if (hitStart < matchEnd) continue;
      distance = (data[o + 4] ?? 0) - lastWord;
      if (hasTerminatorBetween(data, from, to, matchEnd, hitStart)) continue;
    }
    if (distance > (cueWindow[index] ?? 0)) continue;
    if (best < 0 || rank < bestPriority || (rank === bestPriority && distance < bestDistance)) {
      best = index;
      bestPriority = rank;
      bestDistance = distance;
    }
  }
  return best < 0 ? affirmed : (cueAnswers[best] ?? affirmed);
}

/**
 * Whether a terminator cue lies wholly inside compact offsets [start, end). Both ends are in one
 * clause, so only that clause's cue hits (first…last − 1) can lie between them.
 */
function hasTerminatorBetween(data: Int32Array, first: number, last: number, start: number, end: number): boolean {
  for (let i = first; i < last; i++) {
    const o = i * cueStride;
    if (cuePriority[data[o] ?? 0] === terminatorPriority && (data[o + 1] ?? 0) >= start && (data[o + 2] ?? 0) <= end) return true;
  }
  return false;
}
