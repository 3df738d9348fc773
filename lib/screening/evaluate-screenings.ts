import { indexReviewDecisions } from "./apply-review-decisions";
import { toDayNumber } from "./calendar-date";
import { compileScreeningTypes } from "./compile-screening-types";
import { evaluateCompiledType, resolveSettings, type EvaluateOptions } from "./evaluate-screening";
import { indexPatientFacts } from "./index-patient-facts";
import type { PatientFacts } from "./patient-facts";
import { compareStrings, type SelectedScreeningResult } from "./screening-result";
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
  // Every result comes back `standalone`, in its type's slot; the list is already in output order
  // (key, version). Family members are then marked in place: they are fresh objects owned here.
  const selected = list.types.map((compiled) => evaluateCompiledType(index, compiled, settings, reviews));
  let families: Map<string, SelectedScreeningResult[]> | null = null;
  for (const result of selected) {
    if (result.family === null) continue;
    families ??= new Map();
    const members = families.get(result.family.id);
    if (members) members.push(result);
    else families.set(result.family.id, [result]);
  }
  for (const [familyId, members] of families ?? []) {
    const choice = selectFamilyVariant(members);
    for (const member of members) {
      if (choice === null || member === choice.winner) {
        const others = members.filter((m) => m !== member).map((m) => m.screeningTypeKey);
        if (others.length > 0) member.reasons.push(`Chosen in family ${familyId} over ${others.join(", ")}: ${choice?.reason ?? ""}.`);
        member.selection = "primary";
      } else {
        member.reasons.push(`Superseded by ${choice.winner.screeningTypeKey} in family ${familyId}.`);
        member.selection = "superseded";
        member.supersededBy = choice.winner.screeningTypeKey;
      }
    }
  }
  if (list.distinctKeys) return selected;
  // Duplicate key and version: keep the original order exactly (standalone first, then by family).
  const byOrigin = [...selected.filter((r) => r.family === null), ...[...(families?.values() ?? [])].flat()];
  return byOrigin.sort((a, b) => compareStrings(a.screeningTypeKey, b.screeningTypeKey) || a.screeningTypeVersion - b.screeningTypeVersion);
}
