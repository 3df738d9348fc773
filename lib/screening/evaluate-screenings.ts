import { indexReviewDecisions } from "./apply-review-decisions";
import { toDayNumber } from "./calendar-date";
import { compileScreeningTypes } from "./compile-screening-types";
import { evaluateCompiledType, resolveSettings, type EvaluateOptions } from "./evaluate-screening";
import { indexPatientFacts } from "./index-patient-facts";
import type { PatientFacts } from "./patient-facts";
import { compareStrings, type ScreeningResult, type SelectedScreeningResult } from "./screening-result";
import type { ScreeningType } from "./screening-type";
import { selectFamilyVariant } from "./select-family-variant";

/**
 * Every configured type for one patient, one primary result per family (see selectFamilyVariant) and
 * the other variants kept as `superseded` rather than deleted. Output is sorted by type key, so
 * reordering the types or the facts never changes it. The type list is compiled once and reused
 * across calls; the patient's facts are indexed and their texts scanned once per call for all types.
 */
export function evaluateScreenings(
  facts: PatientFacts,
  types: readonly ScreeningType[],
  options: EvaluateOptions,
): SelectedScreeningResult[] {
  const list = compileScreeningTypes(types);
  const asOf = toDayNumber(options.asOf);
  const settings = resolveSettings(options);
  const index = indexPatientFacts(facts, list, asOf);
  const reviews = indexReviewDecisions(options.reviews);
  const results = list.types.map((compiled) => evaluateCompiledType(index, compiled, settings, reviews));
  // Each result goes back to its type's slot; the list is already in output order (key, version).
  const selected = new Array<SelectedScreeningResult>(results.length);
  const families = new Map<string, number[]>();
  results.forEach((result, slot) => {
    if (result.family === null) {
      selected[slot] = { ...result, selection: "standalone", supersededBy: null };
      return;
    }
    const members = families.get(result.family.id) ?? [];
    members.push(slot);
    families.set(result.family.id, members);
  });
  for (const [familyId, slots] of families) {
    const members = slots.map((slot) => results[slot] as ScreeningResult);
    const choice = selectFamilyVariant(members);
    members.forEach((member, i) => {
      const slot = slots[i] as number;
      if (choice === null || member === choice.winner) {
        const others = members.filter((m) => m !== member).map((m) => m.screeningTypeKey);
        const note = others.length > 0 ? [`Chosen in family ${familyId} over ${others.join(", ")}: ${choice?.reason ?? ""}.`] : [];
        selected[slot] = { ...member, reasons: [...member.reasons, ...note], selection: "primary", supersededBy: null };
      } else {
        selected[slot] = {
          ...member,
          reasons: [...member.reasons, `Superseded by ${choice.winner.screeningTypeKey} in family ${familyId}.`],
          selection: "superseded",
          supersededBy: choice.winner.screeningTypeKey,
        };
      }
    });
  }
  if (list.distinctKeys) return selected;
  // Duplicate key and version: keep the original order exactly (standalone first, then by family).
  const byOrigin = [...results.flatMap((r, slot) => (r.family === null ? [slot] : [])), ...[...families.values()].flat()];
  return byOrigin.map((slot) => selected[slot] as SelectedScreeningResult)
    .sort((a, b) => compareStrings(a.screeningTypeKey, b.screeningTypeKey) || a.screeningTypeVersion - b.screeningTypeVersion);
}
