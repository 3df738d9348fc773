import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS69: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms69Versions: readonly QualityMeasureDefinition[] = [];
