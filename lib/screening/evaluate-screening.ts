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
import { sortEvidence, sourceLabels, type EvidenceItem, type ScreeningResult, type ScreeningStatus, type SelectedScreeningResult } from "./screening-result";
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
  const { selection: _selection, supersededBy: _supersededBy, ...result } =
    evaluateCompiledType(indexPatientFacts(facts, list, asOf), compiled, resolveSettings(options), indexReviewDecisions(options.reviews));
  return result;
}

export function resolveSettings(options: EvaluateOptions): ClinicSettings {
  return { ...defaultClinicSettings, ...options.clinicSettings };
}

/**
 * The evaluation proper, over a patient index shared by every type of one evaluateScreenings call.
 * The result is built already `standalone`, so evaluateScreenings only marks family members in place:
 * copying 300,000 results with a spread to add two fields was a quarter of the engine's time.
 */
export function evaluateCompiledType(index: PatientIndex, compiled: CompiledType, settings: ClinicSettings, reviews: ReviewIndex | null = null): SelectedScreeningResult {
  const { type } = compiled;
  const { asOf } = index;
  const decisions = reviews?.get(type.key);
  const eligibility = checkIndexedEligibility(index, compiled, asOf);
  if (!eligibility.eligible) {
    return finish(type, eligibility.unknown ? "needs_review" : "not_eligible", eligibility.evidence, eligibility.reasons);
  }
  // The eligibility outcome's lists are fresh for this call, so the result takes them over.
  const reasons = eligibility.reasons;

  const exclusions = applyReviewDecisions(findExclusions(index, compiled), decisions, asOf);
  const excludedBy = exclusions.length === 0 ? exclusions : exclusions.filter((item) => item.use === "counted");
  if (excludedBy.length > 0) {
    const first = excludedBy[0];
    const what = first?.code ? `${first.code.system} ${first.code.code}` : `"${first?.term}"`;
    reasons.push(`Excluded by ${first?.source} ${first?.sourceId} (${what}).`);
    return finish(type, "excluded", [...eligibility.evidence, ...excludedBy], reasons);
  }

  // Sorted before anything reads it, so reasons and tie-breaks never follow the facts' input order.
  const collected = collectCodedEvidence(index, compiled);
  for (const item of collectDocumentEvidence(index, compiled, settings)) collected.push(item);
  sortEvidence(collected);
  const reviewed = applyReviewDecisions(collected, decisions, asOf);
  const completion = reviewed === collected ? collected : sortEvidence(reviewed);
  const decision = decideStatus({ evidence: completion, frequency: type.frequency, timing: resolveTiming(type, settings), asOf, reasons });
  // Say what was seen but not counted ("declined", "ordered"), so a clinician can trust a Due.
  let notCounted = 0;
  for (const item of completion) {
    if (item.use !== "ignored") continue;
    reasons.push(`Not counted: ${sourceLabels[item.source]} ${item.sourceId}${item.term ? ` ("${item.term}")` : ""}: ${item.note ?? "not a result"}.`);
    if (++notCounted === 3) break;
  }

  // Unconfirmed sex for clinical use or a document-only exclusion cannot leave a patient marked due
  // without a person looking; a complete screening needs no such check.
  // Without decisions every remaining exclusion is a review item; a dismissed one no longer asks.
  const openExclusions = exclusions.length === 0 ? exclusions : exclusions.filter((item) => item.use === "review");
  let status = decision.status;
  if (decision.provisionalStatus !== "complete" && (eligibility.reviewSex || openExclusions.length > 0)) {
    if (openExclusions.length > 0) reasons.push(`Needs review: possible exclusion "${openExclusions[0]?.term}" in document ${openExclusions[0]?.sourceId}.`);
    if (eligibility.reviewSex) reasons.push("Needs review: confirm this screening applies given sex for clinical use.");
    status = "needs_review";
  }
  // Completion evidence alone (the usual case) is already sorted, and fresh: it is the result's list.
  const evidence = eligibility.evidence.length === 0 && exclusions.length === 0
    ? completion
    : sortEvidence(concat(concat(eligibility.evidence, exclusions), completion));
  // Written out rather than spread from a base and the decision (a spread after the first copies
  // slowly); the key order is the one those spreads gave, since results are compared as JSON.
  return {
    screeningTypeKey: type.key,
    screeningTypeVersion: type.version,
    name: type.name,
    family: type.family,
    lastCompleted: decision.lastCompleted,
    nextDue: decision.nextDue,
    dueSoonFrom: decision.dueSoonFrom,
    overdueFrom: decision.overdueFrom,
    status,
    provisionalStatus: decision.provisionalStatus,
    reasons,
    evidence,
    selection: "standalone",
    supersededBy: null,
  };
}

/** A fresh array holding a then b. */
function concat<T>(a: T[], b: T[]): T[] {
  return a.length === 0 ? [...b] : b.length === 0 ? [...a] : a.concat(b);
}

/** A result decided before any completion evidence is read (not eligible, excluded); takes over `evidence`. */
function finish(type: ScreeningType, status: ScreeningStatus, evidence: EvidenceItem[], reasons: string[]): SelectedScreeningResult {
  return {
    screeningTypeKey: type.key,
    screeningTypeVersion: type.version,
    name: type.name,
    family: type.family,
    lastCompleted: null,
    nextDue: null,
    dueSoonFrom: null,
    overdueFrom: null,
    status,
    provisionalStatus: status,
    evidence: sortEvidence(evidence),
    reasons,
    selection: "standalone",
    supersededBy: null,
  };
}
