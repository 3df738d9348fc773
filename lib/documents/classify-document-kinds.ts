import type { ScreeningType } from "@/lib/screening";
import { describeDocumentLayout, findMentionRole, quoteSentence, reportRoles, type MentionRole } from "@/lib/screening/find-mention-role";
import { compileKeywordMatcher, findKeywordMatches, type KeywordMatcher } from "@/lib/screening/match-keywords";
import { findDateCandidates } from "./find-service-date";

/** A screening test the document is a report of (or quotes a result of), and when that test was done. */
export type DocumentKind = {
  typeKey: string;
  /** How the document names the test: a report of it (title, procedure, result row …) or a quoted value. */
  basis: MentionRole;
  /** The test's date: the document's service date for a report, a date in the quoting sentence otherwise; null when none. */
  serviceDate: string | null;
  sentence: string;
};

const matchers = new WeakMap<ScreeningType, KeywordMatcher>();

function matcherOf(type: ScreeningType): KeywordMatcher {
  let matcher = matchers.get(type);
  if (!matcher) {
    matcher = compileKeywordMatcher(type.evidence.keywords.map((k) => ({ id: k.term, phrases: [k.term, ...k.synonyms], blockers: k.blockers })));
    matchers.set(type, matcher);
  }
  return matcher;
}

/**
 * What a document IS, in terms of the clinic's screening types: the types whose test it reports
 * (an affirmed mention in its title, a procedure / impression / result section, a result row, or
 * the procedures performed at a visit), and those whose result it quotes with a value ("most recent
 * HbA1c was 9.8%"). A quoted result is dated only by a date in its own sentence: the date of the
 * letter quoting it is not when the test was done. Mentions in history, plans, orders or prose make
 * no kind. The same role rules decide what the engine counts. Pure.
 */
export function classifyDocumentKinds(
  input: { text: string; serviceDate: string | null; asOf: string },
  types: readonly ScreeningType[],
): DocumentKind[] {
  const layout = describeDocumentLayout(input.text);
  const kinds: DocumentKind[] = [];
  for (const type of types) {
    const matcher = matcherOf(type);
    if (matcher.termCount === 0) continue;
    let quoted: DocumentKind | null = null;
    let report: DocumentKind | null = null;
    for (const match of findKeywordMatches(matcher, input.text)) {
      if (match.context !== "affirmed") continue;
      const role = findMentionRole(layout, match.start, match.end);
      const sentence = quoteSentence(input.text, match.start, match.end);
      if (reportRoles.has(role)) {
        report = { typeKey: type.key, basis: role, serviceDate: input.serviceDate, sentence };
        break;
      }
      if (role === "quoted" && !quoted) {
        const date = findDateCandidates(sentence, input.asOf).at(0)?.date ?? null;
        quoted = { typeKey: type.key, basis: role, serviceDate: date, sentence };
      }
    }
    const kind = report ?? quoted;
    if (kind) kinds.push(kind);
  }
  return kinds;
}
