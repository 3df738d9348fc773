import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS139: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms139Versions: readonly QualityMeasureDefinition[] = [];
