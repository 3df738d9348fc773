import type { QualityMeasureDefinition } from "./measure-definition";
import type { MeasurementPeriod } from "./qm-facts";
import { cms130Versions } from "./measures/cms130";
import { cms125Versions } from "./measures/cms125";
import { cms124Versions } from "./measures/cms124";
import { cms122Versions } from "./measures/cms122";
import { cms131Versions } from "./measures/cms131";
import { cms349Versions } from "./measures/cms349";
import { cms165Versions } from "./measures/cms165";
import { cms1154Versions } from "./measures/cms1154";
import { cms138Versions } from "./measures/cms138";
import { cms139Versions } from "./measures/cms139";
import { cms69Versions } from "./measures/cms69";
import { cms2Versions } from "./measures/cms2";
import { cms153Versions } from "./measures/cms153";

/** Every version of every measure the product implements. */
export const qualityMeasureVersions: readonly QualityMeasureDefinition[] = [
  ...cms130Versions,
  ...cms125Versions,
  ...cms124Versions,
  ...cms122Versions,
  ...cms131Versions,
  ...cms349Versions,
  ...cms165Versions,
  ...cms1154Versions,
  ...cms138Versions,
  ...cms139Versions,
  ...cms69Versions,
  ...cms2Versions,
  ...cms153Versions,
];

/**
 * The version specified for the measurement period's year; for a year with no version of its own, the
 * nearest earlier one (a measure keeps its logic until a new version replaces it), else the earliest.
 */
export function selectQualityMeasure(cmsId: string, period: MeasurementPeriod): QualityMeasureDefinition | null {
  const year = Number(period.start.slice(0, 4));
  const versions = qualityMeasureVersions.filter((m) => m.cmsId === cmsId).sort((a, b) => a.performanceYear - b.performanceYear);
  if (versions.length === 0) return null;
  return versions.filter((m) => m.performanceYear <= year).at(-1) ?? versions[0]!;
}

export function listQualityMeasureIds(): string[] {
  return [...new Set(qualityMeasureVersions.map((m) => m.cmsId))];
}
