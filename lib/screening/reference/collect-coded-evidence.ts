// Reference engine: the straightforward pre-optimisation code, kept only as the oracle for
// evaluate-screenings.equivalence.test.ts. Production code must not import it.
import type { DayNumber } from "../calendar-date";
import { codeSystems, hasKnownCoding, matchCodeSet, type Coding } from "../code-set";
import { buildEvidenceItem, datedFields, partialDateNote, resolveFactDate } from "./fact-helpers";
import { getTypeMatchers, prepareFactText } from "./get-type-matchers";
import { findKeywordMatches } from "../match-keywords";
import type { PatientFacts } from "../patient-facts";
import type { EvidenceItem, EvidenceSource } from "../screening-result";
import type { ScreeningType } from "../screening-type";

type CodedFact = {
  source: Exclude<EvidenceSource, "document">;
  id: string;
  codes: Coding[];
  text: string | null;
  date: string | null;
  /** The fact itself, so its prepared text is cached across types. */
  origin: { text: string | null; codes: Coding[] };
  /** Why a status disqualifies the fact, or null when it is a result. */
  statusProblem: string | null;
};

// Results only: orders, preliminary and cancelled results and not-done procedures never complete a screening.
const finalResults = new Set(["final", "amended", "corrected"]);
const finalReports = new Set(["final", "amended", "corrected", "appended"]);

function listCodedFacts(facts: PatientFacts): CodedFact[] {
  const problem = (ok: boolean, status: string) => (ok ? null : `status ${status} is not a completed result`);
  return [
    ...facts.procedures.map((p) => ({ source: "procedure" as const, origin: p, id: p.id, codes: p.codes, text: p.text, date: p.performed, statusProblem: problem(p.status === "completed", p.status) })),
    ...facts.observations.map((o) => ({ source: "observation" as const, origin: o, id: o.id, codes: o.codes, text: o.text, date: o.effective, statusProblem: problem(finalResults.has(o.status), o.status) })),
    ...facts.diagnosticReports.map((r) => ({ source: "diagnostic_report" as const, origin: r, id: r.id, codes: r.codes, text: r.text, date: r.effective, statusProblem: problem(finalReports.has(r.status), r.status) })),
    ...facts.immunizations.map((i) => ({ source: "immunization" as const, origin: i, id: i.id, codes: i.codes, text: i.text, date: i.occurrence, statusProblem: problem(i.status === "completed", i.status) })),
    ...facts.conditions.map((c) => ({
      source: "condition" as const, origin: c, id: c.id, codes: c.codes, text: c.text, date: c.onset,
      statusProblem: c.verificationStatus === "refuted" || c.verificationStatus === "entered-in-error" ? `verification ${c.verificationStatus}` : null,
    })),
  ];
}

/**
 * Completion evidence from structured facts. A code match is decisive; only a fact with no recognised
 * coding at all (free-text surgical history, say) has its text matched against the keywords, with
 * the same negation rules as documents. A coded LOINC result is never re-read as words.
 */
export function collectCodedEvidence(facts: PatientFacts, type: ScreeningType, asOf: DayNumber): EvidenceItem[] {
  const matcher = getTypeMatchers(type).evidence;
  const items: EvidenceItem[] = [];
  for (const fact of listCodedFacts(facts)) {
    const code = matchCodeSet(type.evidence.codes, fact.codes);
    let textHit: ReturnType<typeof findKeywordMatches>[number] | undefined;
    // Conditions are diagnoses, not tests done; they count only through explicit codes.
    if (!code && fact.source !== "condition" && matcher.termCount > 0 && !hasKnownCoding(fact.codes, codeSystems)) {
      const matches = findKeywordMatches(matcher, prepareFactText(fact.origin));
      textHit = matches.find((m) => m.context === "affirmed") ?? matches[0];
    }
    if (!code && !textHit) continue;
    const when = resolveFactDate(fact.date, asOf);
    const base = {
      source: fact.source, sourceId: fact.id, role: "completion", ...datedFields(when),
      matchedBy: code ? "code" : "text", code, term: textHit?.phrase ?? null, snippet: textHit?.snippet ?? null,
      context: textHit?.context ?? null,
    } as const;
    if (fact.statusProblem) {
      items.push(buildEvidenceItem({ ...base, use: "ignored", note: fact.statusProblem }));
    } else if (textHit && textHit.context !== "affirmed") {
      const use = textHit.context === "historical" ? "review" : "ignored";
      items.push(buildEvidenceItem({ ...base, use, note: `mention is ${textHit.context} ("${textHit.cue}")` }));
    } else if (when.kind === "future") {
      items.push(buildEvidenceItem({ ...base, use: "ignored", note: "dated after the evaluation date" }));
    } else if (when.kind === "undated") {
      items.push(buildEvidenceItem({ ...base, use: "review", note: "no date on record; confirm when it was done" }));
    } else {
      items.push(buildEvidenceItem({ ...base, use: "counted", note: partialDateNote(when) }));
    }
  }
  return items;
}
