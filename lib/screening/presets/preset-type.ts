import type { Keyword, ScreeningTypeInput } from "../screening-type";

type DocumentCategory = NonNullable<NonNullable<ScreeningTypeInput["evidence"]>["documentCategories"]>[number];

export type PresetTypeSpec = {
  key: string;
  name: string;
  family?: ScreeningTypeInput["family"];
  eligibility: NonNullable<ScreeningTypeInput["eligibility"]>;
  /** Years between screenings, or once in a lifetime. */
  every: number | "once";
  timing?: ScreeningTypeInput["timing"];
  /** Shared clinical concepts whose code lists complete the screening (lib/screening/concepts). */
  concepts: NonNullable<NonNullable<ScreeningTypeInput["evidence"]>["concepts"]>;
  /** The words documents use for it; none where free text would match unrelated sentences. */
  keyword?: Partial<Keyword> & Pick<Keyword, "term">;
  /** The document categories searched for the keyword. */
  documents: readonly DocumentCategory[];
  exclusions?: ScreeningTypeInput["exclusions"];
};

/**
 * A preset screening type in the one shape every preset writes: version 1 (a stored copy counts its
 * own edits; the preset's version says what moved), an interval in years or once, and evidence from
 * shared concepts plus at most one keyword with its synonyms. Data only: the rules are the spec's.
 */
export function presetType(spec: PresetTypeSpec): ScreeningTypeInput {
  return {
    key: spec.key,
    version: 1,
    name: spec.name,
    ...(spec.family ? { family: spec.family } : {}),
    eligibility: spec.eligibility,
    frequency: spec.every === "once" ? { kind: "once" } : { kind: "interval", value: spec.every, unit: "years" },
    ...(spec.timing ? { timing: spec.timing } : {}),
    evidence: { concepts: spec.concepts, keywords: spec.keyword ? [spec.keyword] : [], documentCategories: [...spec.documents] },
    ...(spec.exclusions ? { exclusions: spec.exclusions } : {}),
  };
}
