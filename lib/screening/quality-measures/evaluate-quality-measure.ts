import type { QualityMeasureDefinition } from "./measure-definition";
import type { MeasurementPeriod, QmFacts, QualityMeasureResult } from "./qm-facts";
import { periodSpan } from "./qm-logic";

/**
 * One patient, one measure version, one measurement period: every group's populations as the
 * MeasureReport counts them, the reasons, and the action that would close a gap. Pure.
 */
export function evaluateQualityMeasure(facts: QmFacts, measure: QualityMeasureDefinition, period: MeasurementPeriod): QualityMeasureResult {
  const reasons: string[] = [];
  const groups = measure.evaluate(facts, periodSpan(period), reasons);
  const first = groups[0]!;
  const status =
    first["initial-population"] === 0 || first.denominator === 0 ? "not_in_population"
    : first["denominator-exclusion"] === 1 || first["denominator-exception"] === 1 ? "excluded"
    : (first.numerator === 1) !== (measure.inverse ?? false) ? "met"
    : "not_met";
  return { measure: measure.cmsId, version: measure.version, groups, status, reasons, gapAction: status === "not_met" ? measure.gapAction : null };
}
