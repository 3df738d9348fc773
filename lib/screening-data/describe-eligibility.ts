import { codeSystems, type ScreeningType } from "@/lib/screening";

/** One line for the list: who the type applies to ("Female, 21–65, with a listed condition"). */
export function describeEligibility(type: Pick<ScreeningType, "eligibility">): string {
  const { sex, minAge, maxAge, triggers } = type.eligibility;
  const who = sex === "female" ? "Female" : sex === "male" ? "Male" : "Any sex";
  const ages =
    minAge !== null && maxAge !== null ? `${minAge}–${maxAge}` : minAge !== null ? `${minAge}+` : maxAge !== null ? `up to ${maxAge}` : "all ages";
  if (!triggers) return `${who}, ${ages}`;
  const codes = codeSystems.reduce((n, system) => n + triggers.codes[system].length, 0);
  const rules = [
    codes ? `${codes} condition code${codes === 1 ? "" : "s"}` : null,
    triggers.observations.length ? `${triggers.observations.length} observation rule${triggers.observations.length === 1 ? "" : "s"}` : null,
    triggers.synonyms.length ? `${triggers.synonyms.length} condition term${triggers.synonyms.length === 1 ? "" : "s"}` : null,
  ].filter((r) => r !== null);
  return `${who}, ${ages}, with a listed condition (${rules.join(", ")})`;
}
