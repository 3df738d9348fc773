import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS2: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms2Versions: readonly QualityMeasureDefinition[] = [];
