import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS1154: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms1154Versions: readonly QualityMeasureDefinition[] = [];
