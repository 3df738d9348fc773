import { z } from "zod";
import { describeValidationIssue, describeValidationProblem } from "@/lib/http/describe-validation-issues";
import { codeSystems, normalizeCodeSystem, type CodeSet, type CodeSystem, type ConceptId, type Keyword, type ScreeningType, type ScreeningTypeInput } from "@/lib/screening";

/**
 * The screening type editor as flat form fields. The form covers what a clinic admin tunes; the rest
 * of a definition (exclusions, observation triggers, keyword blockers, family) is carried over from
 * the stored type unchanged. screeningTypeSchema stays the authority: its issues are mapped back to
 * these field names so each message appears beside its input.
 */
export const screeningTypeFormFields = [
  "name", "key", "sex", "unknownSexRule", "minAge", "maxAge", "conditionCodes", "frequencyKind", "frequencyValue", "frequencyUnit",
  "dueSoonDays", "overdueAfterDays", "concepts", "evidenceCodes", "keywords",
] as const;
export type ScreeningTypeFormField = (typeof screeningTypeFormFields)[number];
export type ScreeningTypeFormValues = Record<ScreeningTypeFormField, string>;

const text = (max: number) => z.string().max(max).default("");

function parseCodeLines(value: string, ctx: z.RefinementCtx): CodeSet {
  const set = Object.fromEntries(codeSystems.map((s) => [s, [] as string[]])) as Record<CodeSystem, string[]>;
  value.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "") return;
    const bar = line.indexOf("|");
    const system = bar < 0 ? null : normalizeCodeSystem(line.slice(0, bar));
    const code = bar < 0 ? "" : line.slice(bar + 1).trim();
    if (system === null || code === "") {
      ctx.addIssue({ code: "custom", message: `must be SYSTEM|code, one per line, with SYSTEM one of ${codeSystems.join(", ")} (line ${index + 1})` });
      return;
    }
    if (!set[system].includes(code)) set[system].push(code);
  });
  return set;
}

function parseKeywordLines(value: string): Array<Pick<Keyword, "term" | "synonyms">> {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .map((line) => {
      const colon = line.indexOf(":");
      const term = (colon < 0 ? line : line.slice(0, colon)).trim();
      const synonyms = colon < 0 ? [] : line.slice(colon + 1).split(",").map((s) => s.trim()).filter((s) => s !== "");
      return { term, synonyms };
    });
}

// Blank means "no limit" or "clinic default"; anything else must be a number (the schema checks range).
const optionalNumber = z
  .string()
  .max(20)
  .default("")
  .transform((value, ctx) => {
    if (value.trim() === "") return null;
    const n = Number(value);
    if (!Number.isFinite(n)) ctx.addIssue({ code: "custom", message: "must be a number, or left empty" });
    return n;
  });

/** The editor's fields; combine with `refineScreeningTypeForm` (or use screeningTypeFormSchema). */
export const screeningTypeFormShape = {
  name: text(200),
  key: text(120),
  sex: z.enum(["any", "female", "male"]).default("any"),
  unknownSexRule: z.enum(["include", "exclude", "review"]).default("review"),
  minAge: optionalNumber,
  maxAge: optionalNumber,
  conditionCodes: text(50_000).transform(parseCodeLines),
  frequencyKind: z.enum(["interval", "once"]).default("interval"),
  frequencyValue: optionalNumber,
  frequencyUnit: z.enum(["months", "years"]).default("years"),
  dueSoonDays: optionalNumber,
  overdueAfterDays: optionalNumber,
  // Concept ids, comma separated (the editor's multi-select joins them); screeningTypeSchema checks each.
  concepts: text(2_000).transform((value) => value.split(/[\s,]+/).filter((id) => id !== "")),
  evidenceCodes: text(100_000).transform(parseCodeLines),
  keywords: text(50_000).transform(parseKeywordLines),
};

/** An interval needs its value. Runs even when other fields failed, so every message shows at once. */
export const refineScreeningTypeForm: [(form: { frequencyKind?: unknown; frequencyValue?: unknown }) => boolean, { path: string[]; message: string; when: () => boolean }] = [
  // `when` runs this on input that failed elsewhere too, which may not even be an object.
  (form) => !(form?.frequencyKind === "interval" && form.frequencyValue === null),
  { path: ["frequencyValue"], message: "is required for a screening that repeats (or choose once in a lifetime)", when: () => true },
];

/** The editor's fields as submitted (strings from FormData), parsed into typed values. */
export const screeningTypeFormSchema = z.object(screeningTypeFormShape).refine(...refineScreeningTypeForm);
export type ScreeningTypeForm = z.output<typeof screeningTypeFormSchema>;

function formatCodes(set: CodeSet): string {
  return codeSystems.flatMap((system) => set[system].map((code) => `${system}|${code}`)).join("\n");
}

const numberText = (n: number | null) => (n === null ? "" : String(n));

/** A stored definition as the editor's initial values. */
export function toScreeningTypeFormValues(type: ScreeningType | null): ScreeningTypeFormValues {
  if (!type) {
    return {
      name: "", key: "", sex: "any", unknownSexRule: "review", minAge: "", maxAge: "", conditionCodes: "", frequencyKind: "interval",
      frequencyValue: "1", frequencyUnit: "years", dueSoonDays: "", overdueAfterDays: "", concepts: "", evidenceCodes: "", keywords: "",
    };
  }
  const { eligibility: e, frequency: f, timing: t } = type;
  return {
    name: type.name,
    key: type.key,
    sex: e.sex,
    unknownSexRule: e.unknownSexRule,
    minAge: numberText(e.minAge),
    maxAge: numberText(e.maxAge),
    conditionCodes: e.triggers ? formatCodes(e.triggers.codes) : "",
    frequencyKind: f.kind,
    frequencyValue: f.kind === "interval" ? String(f.value) : "",
    frequencyUnit: f.kind === "interval" ? f.unit : "years",
    dueSoonDays: numberText(t.dueSoonDays),
    overdueAfterDays: numberText(t.overdueAfterDays),
    concepts: type.evidence.concepts.join(","),
    evidenceCodes: formatCodes(type.evidence.codes),
    keywords: type.evidence.keywords.map((k) => (k.synonyms.length ? `${k.term}: ${k.synonyms.join(", ")}` : k.term)).join("\n"),
  };
}

const hasAnyCode = (set: CodeSet) => codeSystems.some((system) => set[system].length > 0);

/**
 * The definition the form describes, on top of `base` (the stored type, or null for a new one).
 * Not yet validated: pass it to screeningTypeSchema.
 */
export function buildScreeningTypeInput(form: ScreeningTypeForm, base: ScreeningType | null, version: number): ScreeningTypeInput {
  const baseTriggers = base?.eligibility.triggers ?? null;
  const keepsOtherTriggers = !!baseTriggers && (baseTriggers.synonyms.length > 0 || baseTriggers.observations.length > 0);
  const triggers = hasAnyCode(form.conditionCodes) || keepsOtherTriggers ? { ...(baseTriggers ?? {}), codes: form.conditionCodes } : null;
  // Blockers are not edited here; a kept term keeps its blockers.
  const blockersByTerm = new Map((base?.evidence.keywords ?? []).map((k) => [k.term.toLowerCase(), k.blockers]));
  return {
    ...(base ?? {}),
    key: base?.key ?? form.key.trim(),
    version,
    name: form.name,
    eligibility: {
      ...(base?.eligibility ?? {}),
      sex: form.sex,
      unknownSexRule: form.unknownSexRule,
      minAge: form.minAge,
      maxAge: form.maxAge,
      triggers,
    },
    frequency:
      form.frequencyKind === "once" ? { kind: "once" } : { kind: "interval", value: form.frequencyValue ?? 0, unit: form.frequencyUnit },
    evidence: {
      ...(base?.evidence ?? {}),
      concepts: form.concepts as ConceptId[],
      codes: form.evidenceCodes,
      keywords: form.keywords.map((k) => ({ ...k, blockers: blockersByTerm.get(k.term.toLowerCase()) ?? [] })),
    },
    timing: { dueSoonDays: form.dueSoonDays, overdueAfterDays: form.overdueAfterDays },
  };
}

/**
 * Where a screeningTypeSchema issue belongs in the editor, and the problem in plain words (never zod's
 * text or our field names), with the item it concerns at the end: "must be one of the choices offered
 * (concept 2)". Beside the field and after its label ("Keywords must … (keyword 2).") it reads the same.
 */
export function toFormIssue(issue: z.core.$ZodIssue): { field: ScreeningTypeFormField | "form"; message: string } {
  const [top, second, third, fourth] = issue.path.map(String);
  const problem = describeValidationProblem(issue);
  const item = (label: string, index: string | undefined) => (index === undefined || !/^\d+$/.test(index) ? problem : `${problem} (${label} ${Number(index) + 1})`);
  if (top === "name" || top === "key") return { field: top, message: problem };
  if (top === "eligibility") {
    if (second === "minAge" || second === "maxAge" || second === "sex" || second === "unknownSexRule") return { field: second, message: problem };
    if (second === "triggers") return { field: "conditionCodes", message: third === "codes" ? item(`${fourth} code`, issue.path[4]?.toString()) : problem };
    return { field: "maxAge", message: problem };
  }
  if (top === "frequency") return { field: second === "unit" ? "frequencyUnit" : second === "kind" ? "frequencyKind" : "frequencyValue", message: problem };
  if (top === "timing" && (second === "dueSoonDays" || second === "overdueAfterDays")) return { field: second, message: problem };
  if (top === "evidence" && second === "concepts") return { field: "concepts", message: item("concept", third) };
  if (top === "evidence" && second === "codes") return { field: "evidenceCodes", message: item(`${third} code`, fourth) };
  if (top === "evidence" && second === "keywords") return { field: "keywords", message: item("keyword", third) };
  return { field: "form", message: describeValidationIssue(issue) };
}
