import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS138: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms138Versions: readonly QualityMeasureDefinition[] = [];
