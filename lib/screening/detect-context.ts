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

/** The terminator cues ("but", "however") among a text's cue hits, which bound every other cue. */
export function findTerminators(cueHits: readonly CueHit[]): CueHit[] {
  return cueHits.filter((hit) => cues[hit.phraseIndex]?.kind === "terminator");
}

/** `terminators` may be passed when one text classifies many mentions (findTerminators of cueHits). */
export function classifyMatchContext(
  text: ContextText,
  cueHits: readonly CueHit[],
  matchStart: number,
  matchEnd: number,
  terminators: readonly CueHit[] = findTerminators(cueHits),
): { context: MatchContext; cue: string | null } {
  if (cueHits.length === 0) return affirmed;
  const clause = text.clause[matchStart];
  const firstWord = text.word[matchStart] ?? 0;
  const lastWord = text.word[matchEnd - 1] ?? firstWord;
  // The best cue so far and its distance, as locals: this runs for every mention of every text.
  let best: Cue | null = null;
  let bestDistance = 0;
  for (const hit of cueHits) {
    const cue = cues[hit.phraseIndex];
    if (!cue || cue.kind === "terminator" || text.clause[hit.start] !== clause) continue;
    let distance: number;
    if (cue.direction === "pre" && hit.end <= matchStart) {
      distance = firstWord - (text.word[hit.end - 1] ?? 0);
      if (hasTerminatorBetween(terminators, hit.end, matchStart)) continue;
    } else if (cue.direction === "post" && hit.start >= matchEnd) {
      distance = (text.word[hit.start] ?? 0) - lastWord;
      if (hasTerminatorBetween(terminators, matchEnd, hit.start)) continue;
    } else continue;
    if (distance > cue.window) continue;
    const better =
      best === null ||
      priority[cue.kind] < priority[best.kind] ||
      (priority[cue.kind] === priority[best.kind] && distance < bestDistance);
    if (better) {
      best = cue;
      bestDistance = distance;
    }
  }
  if (best === null) return affirmed;
  return { context: best.kind as MatchContext, cue: best.phrase };
}

/** Whether a terminator cue lies wholly inside compact offsets [from, to). */
function hasTerminatorBetween(terminators: readonly CueHit[], from: number, to: number): boolean {
  for (const t of terminators) if (t.start >= from && t.end <= to) return true;
  return false;
}
