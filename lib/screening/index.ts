/** Public API of the screening engine: pure functions over plain data (no I/O, no clock; asOf is always passed in). */
export { evaluateScreening, type EvaluateOptions } from "./evaluate-screening";
export { evaluateScreenings } from "./evaluate-screenings";
export { selectFamilyVariant } from "./select-family-variant";
export {
  applyReviewDecisions,
  evidenceIdOf,
  indexReviewDecisions,
  reviewDecisionSchema,
  type ReviewDecision,
  type ReviewIndex,
} from "./apply-review-decisions";
export {
  screeningStatuses,
  type EvidenceItem,
  type EvidenceSource,
  type ScreeningResult,
  type ScreeningStatus,
  type SelectedScreeningResult,
} from "./screening-result";
export {
  screeningTypeSchema,
  screeningPresetSchema,
  keywordSchema,
  triggerSchema,
  unknownSexRules,
  type Keyword,
  type ScreeningPreset,
  type ScreeningPresetInput,
  type ScreeningType,
  type ScreeningTypeInput,
  type Trigger,
} from "./screening-type";
export { findOcrReadingNote } from "./find-ocr-reading";
export {
  clinicSettingsSchema,
  defaultClinicSettings,
  resolveTiming,
  type ClinicSettings,
  type ClinicSettingsInput,
} from "./clinic-settings";
export {
  patientFactsSchema,
  documentCategories,
  type DocumentCategory,
  type DocumentFact,
  type PatientFacts,
  type PatientFactsInput,
} from "./patient-facts";
export { codeSetSchema, codeSystems, matchCodeSet, normalizeCodeSystem, type CodeSet, type CodeSystem } from "./code-set";
export { frequencySchema, addFrequency, describeFrequency, type Frequency } from "./frequency";
export { computeAgeInYears, formatDay, parseIsoDate, toDayNumber, type DayNumber } from "./calendar-date";
export { normalizeText, type NormalizedText } from "./normalize-text";
export {
  compileKeywordMatcher,
  findKeywordMatches,
  prepareText,
  type KeywordEntry,
  type KeywordMatch,
  type KeywordMatcher,
} from "./match-keywords";
export { matchContexts, type MatchContext } from "./detect-context";
export { uspstfAdultPrimaryCarePreset } from "./presets/uspstf-adult-primary-care";
export { clinicalConcepts, conceptIds, type ClinicalConcept, type ConceptId } from "./concepts/clinical-concepts";
export { conceptCodeSet, evidenceCodeSet } from "./concepts/concept-code-set";
