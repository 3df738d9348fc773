import type { Coding } from "../code-set";

/**
 * What quality-measure mode reads about a patient: unlike screening, eCQMs ask about visits, so
 * encounters are facts too. Dates are calendar days (YYYY-MM-DD); `start`/`end` are the event's
 * period (a point event has start = end), `null` when unknown.
 */
export type QualityEventKind = "encounter" | "procedure" | "observation" | "diagnostic_report" | "condition" | "intervention";

export type QualityEvent = {
  id: string;
  kind: QualityEventKind;
  codes: Coding[];
  /** FHIR status (encounter finished, procedure completed, observation final…); null when absent. */
  status: string | null;
  start: string | null;
  end: string | null;
  valueNumber: number | null;
  valueCodes: Coding[];
  /** Whether a result value of any type was recorded (some measures count a test only with one). */
  hasValue: boolean;
};

export type QualityFacts = {
  birthDate: string;
  sex: "female" | "male" | "unknown" | "other";
  events: QualityEvent[];
};

export type MeasurementPeriod = { start: string; end: string };

export type MeasurePopulations = { ip: 0 | 1; denom: 0 | 1; denex: 0 | 1; numer: 0 | 1 };

export type QualityMeasureResult = MeasurePopulations & {
  measure: string;
  /** met, not met (a gap), excluded, or not in the initial population. */
  status: "met" | "not_met" | "excluded" | "not_in_population";
  /** Whether a qualifying visit was found; the rest of the population logic is reported regardless. */
  qualifyingEncounter: boolean;
  reasons: string[];
  /** What would close the gap, for a not_met result. */
  gapAction: string | null;
};
