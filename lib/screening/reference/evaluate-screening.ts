// Reference engine: the straightforward pre-optimisation code, kept only as the oracle for
// evaluate-screenings.equivalence.test.ts. Production code must not import it.
import { applyReviewDecisions, type ReviewDecision } from "../apply-review-decisions";
import { toDayNumber } from "../calendar-date";
import { checkEligibility } from "./check-eligibility";
import { defaultClinicSettings, resolveTiming, type ClinicSettings } from "../clinic-settings";
import { collectCodedEvidence } from "./collect-coded-evidence";
import { collectDocumentEvidence } from "./collect-document-evidence";
import { decideStatus } from "../decide-status";
import { findExclusions } from "./find-exclusions";
import type { PatientFacts } from "../patient-facts";
import { compareEvidence } from "./compare-evidence";
import type { EvidenceItem, ScreeningResult, ScreeningStatus } from "../screening-result";
import type { ScreeningType } from "../screening-type";

export type EvaluateOptions = {
  /** The clinic-local evaluation date, `YYYY-MM-DD` (or a Date read by its UTC fields). */
  asOf: string | Date;
  clinicSettings?: Partial<ClinicSettings>;
  reviews?: readonly ReviewDecision[];
};

/**
 * One screening type for one patient: eligibility, then exclusions, then evidence and status. Pure and
 * deterministic: no clock, no I/O, and the result does not depend on the order of facts.
 */
export function evaluateScreening(facts: PatientFacts, type: ScreeningType, options: EvaluateOptions): ScreeningResult {
  const asOf = toDayNumber(options.asOf);
  const settings: ClinicSettings = { ...defaultClinicSettings, ...options.clinicSettings };
  const base = {
    screeningTypeKey: type.key,
    screeningTypeVersion: type.version,
    name: type.name,
    family: type.family,
    lastCompleted: null,
    nextDue: null,
    dueSoonFrom: null,
    overdueFrom: null,
  };
  const finish = (status: ScreeningStatus, evidence: EvidenceItem[], reasons: string[]): ScreeningResult => ({
    ...base, status, provisionalStatus: status, evidence: [...evidence].sort(compareEvidence), reasons,
  });

  const eligibility = checkEligibility(facts, type, asOf);
  if (!eligibility.eligible) {
    return finish(eligibility.unknown ? "needs_review" : "not_eligible", eligibility.evidence, eligibility.reasons);
  }
  const reasons = [...eligibility.reasons];

  // Straightforward: the type's decisions as a map, the last one for an item winning.
  const decisions = new Map((options.reviews ?? []).filter((r) => r.screeningTypeKey === type.key).map((r) => [r.evidenceId, r] as const));
  const exclusions = applyReviewDecisions(findExclusions(facts, type, asOf), decisions, asOf);
  const excludedBy = exclusions.filter((item) => item.use === "counted");
  if (excludedBy.length > 0) {
    const first = excludedBy[0];
    const what = first?.code ? `${first.code.system} ${first.code.code}` : `"${first?.term}"`;
    reasons.push(`Excluded by ${first?.source} ${first?.sourceId} (${what}).`);
    return finish("excluded", [...eligibility.evidence, ...excludedBy], reasons);
  }

  // Sorted before anything reads it, so reasons and tie-breaks never follow the facts' input order.
  const completion = applyReviewDecisions([
    ...collectCodedEvidence(facts, type, asOf),
    ...collectDocumentEvidence(facts, type, asOf, settings),
  ].sort(compareEvidence), decisions, asOf).sort(compareEvidence);
  const decision = decideStatus({
    counted: completion.filter((item) => item.use === "counted"),
    review: completion.filter((item) => item.use === "review"),
    frequency: type.frequency,
    timing: resolveTiming(type, settings),
    asOf,
    eligibleSince: eligibility.eligibleSince,
  });
  reasons.push(...decision.reasons);
  // Say what was seen but not counted ("declined", "ordered"), so a clinician can trust a Due.
  for (const item of completion.filter((i) => i.use === "ignored").slice(0, 3)) {
    reasons.push(`Not counted: ${item.source.replace("_", " ")} ${item.sourceId}${item.term ? ` ("${item.term}")` : ""}: ${item.note ?? "not a result"}.`);
  }

  // Unconfirmed sex for clinical use or a document-only exclusion cannot leave a patient marked due
  // without a person looking; a complete screening needs no such check.
  let status = decision.status;
  const openExclusions = exclusions.filter((item) => item.use === "review");
  if (decision.provisionalStatus !== "complete" && (eligibility.reviewSex || openExclusions.length > 0)) {
    if (openExclusions.length > 0) reasons.push(`Needs review: possible exclusion "${openExclusions[0]?.term}" in document ${openExclusions[0]?.sourceId}.`);
    if (eligibility.reviewSex) reasons.push("Needs review: confirm this screening applies given sex for clinical use.");
    status = "needs_review";
  }
  return {
    ...base,
    ...decision,
    status,
    evidence: [...eligibility.evidence, ...exclusions, ...completion].sort(compareEvidence),
    reasons,
  };
}
