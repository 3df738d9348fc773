/** Quality-measure mode: eCQM-style evaluation for a measurement period (pure, like the engine). */
export { evaluateQualityMeasure } from "./evaluate-quality-measure";
export { findQualityMeasure, qualityMeasures, cms122, cms124, cms125, cms130, cms131, cms349 } from "./measure-definitions";
export type { Criterion, CriteriaGroup, Numerator, QualityMeasureDefinition } from "./measure-definition";
export { ageAt, resolveWindow, type WindowSpec } from "./measurement-windows";
export type { MeasurementPeriod, MeasurePopulations, QualityEvent, QualityEventKind, QualityFacts, QualityMeasureResult } from "./quality-facts";
