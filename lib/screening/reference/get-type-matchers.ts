// Reference engine: the straightforward pre-optimisation code, kept only as the oracle for
// evaluate-screenings.equivalence.test.ts. Production code must not import it.
import { compileKeywordMatcher, prepareText, type KeywordMatcher, type PreparedText } from "../match-keywords";
import { factText } from "./fact-helpers";
import type { DocumentFact } from "../patient-facts";
import type { ScreeningType } from "../screening-type";

export type TypeMatchers = { evidence: KeywordMatcher; triggers: KeywordMatcher; exclusions: KeywordMatcher };

// Both caches are keyed by object identity and hold only derived data, so evaluation stays pure:
// the same inputs give the same outputs whether or not a cache entry exists.
const matcherCache = new WeakMap<ScreeningType, TypeMatchers>();
const documentCache = new WeakMap<DocumentFact, PreparedDocument>();
const factTextCache = new WeakMap<object, PreparedText>();

export type PreparedDocument = { fields: { field: "title" | "filename" | "text"; text: PreparedText }[] };

/** The type's keyword sets compiled once and reused for every patient and document. */
export function getTypeMatchers(type: ScreeningType): TypeMatchers {
  const cached = matcherCache.get(type);
  if (cached) return cached;
  const matchers: TypeMatchers = {
    evidence: compileKeywordMatcher(
      type.evidence.keywords.map((k) => ({ id: k.term, phrases: [k.term, ...k.synonyms], blockers: k.blockers })),
    ),
    triggers: compileKeywordMatcher(
      (type.eligibility.triggers?.synonyms ?? []).map((phrase) => ({ id: phrase, phrases: [phrase] })),
    ),
    exclusions: compileKeywordMatcher(type.exclusions.phrases.map((phrase) => ({ id: phrase, phrases: [phrase] }))),
  };
  matcherCache.set(type, matchers);
  return matchers;
}

/** A document's title, filename and text normalised once for every type that reads it. */
export function prepareDocument(document: DocumentFact): PreparedDocument {
  const cached = documentCache.get(document);
  if (cached) return cached;
  const fields: PreparedDocument["fields"] = [];
  if (document.title) fields.push({ field: "title", text: prepareText(document.title) });
  if (document.filename) fields.push({ field: "filename", text: prepareText(document.filename) });
  if (document.text) fields.push({ field: "text", text: prepareText(document.text) });
  const prepared = { fields };
  documentCache.set(document, prepared);
  return prepared;
}

type TextBearingFact = { text: string | null; codes: readonly { system: string; code: string; display?: string | null | undefined }[] };

/** A coded fact's text and code displays, normalised once for every type that falls back to words. */
export function prepareFactText(fact: TextBearingFact): PreparedText {
  const cached = factTextCache.get(fact);
  if (cached) return cached;
  const prepared = prepareText(factText(fact));
  factTextCache.set(fact, prepared);
  return prepared;
}
