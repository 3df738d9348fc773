import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS131: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms131Versions: readonly QualityMeasureDefinition[] = [];
