import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS122: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms122Versions: readonly QualityMeasureDefinition[] = [];
