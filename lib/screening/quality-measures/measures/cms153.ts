import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS153: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms153Versions: readonly QualityMeasureDefinition[] = [];
