/** Quality-measure mode: eCQM evaluation for a measurement period (pure, like the screening engine). */
export { evaluateQualityMeasure } from "./evaluate-quality-measure";
export { listQualityMeasureIds, qualityMeasureVersions, selectQualityMeasure } from "./measure-registry";
export type { QualityMeasureDefinition } from "./measure-definition";
export { toQmFacts } from "./to-qm-facts";
export { populationCodes } from "./qm-facts";
export type { GroupPopulations, MeasurementPeriod, PopulationCode, QmFacts, QmResource, QualityMeasureResult, Span } from "./qm-facts";
