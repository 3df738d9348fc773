import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS165: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms165Versions: readonly QualityMeasureDefinition[] = [];
