import { applyReviewDecisions, indexReviewDecisions, type ReviewDecision, type ReviewIndex } from "./apply-review-decisions";
import { toDayNumber } from "./calendar-date";
import { checkIndexedEligibility } from "./check-eligibility";
import { defaultClinicSettings, resolveTiming, type ClinicSettings } from "./clinic-settings";
import { collectCodedEvidence } from "./collect-coded-evidence";
import { collectDocumentEvidence } from "./collect-document-evidence";
import { compileScreeningType, type CompiledType } from "./compile-screening-types";
import { decideStatus } from "./decide-status";
import { findExclusions } from "./find-exclusions";
import { indexPatientFacts, type PatientIndex } from "./index-patient-facts";
import type { PatientFacts } from "./patient-facts";
import { compareEvidence, type EvidenceItem, type ScreeningResult, type ScreeningStatus } from "./screening-result";
import type { ScreeningType } from "./screening-type";

export type EvaluateOptions = {
  /** The clinic-local evaluation date, `YYYY-MM-DD` (or a Date read by its UTC fields). */
  asOf: string | Date;
  clinicSettings?: Partial<ClinicSettings>;
  /** Clinicians' stored decisions (dismissed false matches, confirmed review items); optional. */
  reviews?: readonly ReviewDecision[];
};

/**
 * One screening type for one patient: eligibility, then exclusions, then evidence and status. Pure and
 * deterministic: no clock, no I/O, and the result does not depend on the order of facts.
 */
export function evaluateScreening(facts: PatientFacts, type: ScreeningType, options: EvaluateOptions): ScreeningResult {
  const list = compileScreeningType(type);
  const asOf = toDayNumber(options.asOf);
  const [compiled] = list.types;
  if (!compiled) throw new Error("compiled type list is empty");
  return evaluateCompiledType(indexPatientFacts(facts, list, asOf), compiled, resolveSettings(options), indexReviewDecisions(options.reviews));
}

export function resolveSettings(options: EvaluateOptions): ClinicSettings {
  return { ...defaultClinicSettings, ...options.clinicSettings };
}

/** The evaluation proper, over a patient index shared by every type of one evaluateScreenings call. */
export function evaluateCompiledType(index: PatientIndex, compiled: CompiledType, settings: ClinicSettings, reviews: ReviewIndex | null = null): ScreeningResult {
  const { type } = compiled;
  const { asOf } = index;
  const decisions = reviews?.get(type.key);
  const eligibility = checkIndexedEligibility(index, compiled, asOf);
  if (!eligibility.eligible) {
    return finish(type, eligibility.unknown ? "needs_review" : "not_eligible", eligibility.evidence, eligibility.reasons);
  }
  const reasons = [...eligibility.reasons];

  const exclusions = applyReviewDecisions(findExclusions(index, compiled), decisions, asOf);
  const excludedBy = exclusions.filter((item) => item.use === "counted");
  if (excludedBy.length > 0) {
    const first = excludedBy[0];
    const what = first?.code ? `${first.code.system} ${first.code.code}` : `"${first?.term}"`;
    reasons.push(`Excluded by ${first?.source} ${first?.sourceId} (${what}).`);
    return finish(type, "excluded", [...eligibility.evidence, ...excludedBy], reasons);
  }

  // Sorted before anything reads it, so reasons and tie-breaks never follow the facts' input order.
  const collected = [...collectCodedEvidence(index, compiled), ...collectDocumentEvidence(index, compiled, settings)].sort(compareEvidence);
  const reviewed = applyReviewDecisions(collected, decisions, asOf);
  const completion = reviewed === collected ? collected : reviewed.sort(compareEvidence);
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
  // Without decisions every remaining exclusion is a review item; a dismissed one no longer asks.
  const openExclusions = exclusions.filter((item) => item.use === "review");
  let status = decision.status;
  if (decision.provisionalStatus !== "complete" && (eligibility.reviewSex || openExclusions.length > 0)) {
    if (openExclusions.length > 0) reasons.push(`Needs review: possible exclusion "${openExclusions[0]?.term}" in document ${openExclusions[0]?.sourceId}.`);
    if (eligibility.reviewSex) reasons.push("Needs review: confirm this screening applies given sex for clinical use.");
    status = "needs_review";
  }
  return {
    ...baseResult(type),
    ...decision,
    status,
    evidence: [...eligibility.evidence, ...exclusions, ...completion].sort(compareEvidence),
    reasons,
  };
}

function baseResult(type: ScreeningType) {
  return {
    screeningTypeKey: type.key,
    screeningTypeVersion: type.version,
    name: type.name,
    family: type.family,
    lastCompleted: null,
    nextDue: null,
    dueSoonFrom: null,
    overdueFrom: null,
  };
}

/** A result decided before any completion evidence is read (not eligible, excluded). */
function finish(type: ScreeningType, status: ScreeningStatus, evidence: EvidenceItem[], reasons: string[]): ScreeningResult {
  return { ...baseResult(type), status, provisionalStatus: status, evidence: evidence.length < 2 ? [...evidence] : [...evidence].sort(compareEvidence), reasons };
}
