import type { CodeSetInputLike } from "./shared-value-sets";
import type { WindowSpec } from "./measurement-windows";
import type { QualityEventKind } from "./quality-facts";

/**
 * One criterion of a measure: events of some kinds whose codes are in the set, at a date inside the
 * window. `overlaps` compares the event's whole period (a condition's prevalence, a hospice stay)
 * with the window instead of one day.
 */
export type Criterion = {
  label: string;
  kinds: readonly QualityEventKind[];
  /** Codes by system; omit for "any event of these kinds" (e.g. an encounter with a disposition). */
  codes?: CodeSetInputLike;
  /** Result or disposition codes the event must carry. */
  valueCodes?: CodeSetInputLike;
  window: WindowSpec;
  match?: "point" | "overlaps";
  requiresValue?: boolean;
  /** Inclusive age in whole years on the event's day. */
  ageAtEvent?: { min?: number; max?: number };
};

/** All criteria of a group must match (e.g. a right and a left unilateral mastectomy). */
export type CriteriaGroup = readonly Criterion[];

export type Numerator =
  | { kind: "any"; criteria: readonly Criterion[] }
  /** Inverse measures (CMS122): met when the latest result in the window is above `threshold`, has no value, or is missing. */
  | { kind: "latestValueAbove"; criterion: Criterion; threshold: number };

export type QualityMeasureDefinition = {
  cmsId: string;
  title: string;
  ageRange: { min: number; max: number; at: "start" | "end" };
  sex: "any" | "female";
  qualifyingEncounter: Criterion;
  /** Further initial-population criteria, all required (e.g. a diabetes diagnosis). */
  population: readonly Criterion[];
  exclusions: readonly CriteriaGroup[];
  numerator: Numerator;
  gapAction: string;
};
