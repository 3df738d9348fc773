import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS125: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms125Versions: readonly QualityMeasureDefinition[] = [];
