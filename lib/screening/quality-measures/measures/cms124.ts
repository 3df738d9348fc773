import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS124: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms124Versions: readonly QualityMeasureDefinition[] = [];
