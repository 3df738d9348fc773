import type { QualityMeasureDefinition } from "../measure-definition";

/** CMS349: not implemented yet; an empty list makes eval:ecqm count its cases as skipped. */
export const cms349Versions: readonly QualityMeasureDefinition[] = [];
