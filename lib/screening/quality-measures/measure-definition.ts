import type { GroupPopulations, QmFacts, Span } from "./qm-facts";

/**
 * One version of one eCQM (e.g. CMS130v14 for performance year 2026), built from the measure's
 * specification: populations, guidance, value sets (cited by OID) and logic definitions.
 * `evaluate` is pure: the patient's facts and the measurement period in, one GroupPopulations per
 * measure group out, with plain-language reasons pushed as it decides.
 */
export type QualityMeasureDefinition = {
  cmsId: string;
  /** The versioned id, e.g. "CMS130v14". */
  version: string;
  /** The calendar year whose measurement period this version is specified for. */
  performanceYear: number;
  title: string;
  /** VSAC OIDs this version reads. */
  valueSets: readonly string[];
  /** What would close a gap in the first group's numerator (inverse measures: what brings it under control). */
  gapAction: string;
  /** True when a numerator hit is the bad outcome (CMS122). */
  inverse?: boolean;
  evaluate: (facts: QmFacts, mp: Span, reasons: string[]) => GroupPopulations[];
};
