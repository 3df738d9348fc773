import { z } from "zod";

/** Code systems the engine understands; anything else in the facts is ignored, never guessed. */
export const codeSystems = ["LOINC", "SNOMED", "CPT", "HCPCS", "CVX", "ICD10CM"] as const;
export type CodeSystem = (typeof codeSystems)[number];

const systemAliases: Record<string, CodeSystem> = {
  "http://loinc.org": "LOINC",
  loinc: "LOINC",
  "http://snomed.info/sct": "SNOMED",
  snomed: "SNOMED",
  sct: "SNOMED",
  "snomed-ct": "SNOMED",
  "http://www.ama-assn.org/go/cpt": "CPT",
  "urn:oid:2.16.840.1.113883.6.12": "CPT",
  cpt: "CPT",
  "urn:oid:2.16.840.1.113883.6.285": "HCPCS",
  "http://www.cms.gov/medicare/coding/hcpcsreleasecodesets": "HCPCS",
  "https://www.cms.gov/medicare/coding/hcpcsreleasecodesets": "HCPCS",
  hcpcs: "HCPCS",
  "http://hl7.org/fhir/sid/cvx": "CVX",
  "urn:oid:2.16.840.1.113883.12.292": "CVX",
  cvx: "CVX",
  "http://hl7.org/fhir/sid/icd-10-cm": "ICD10CM",
  "urn:oid:2.16.840.1.113883.6.90": "ICD10CM",
  "icd-10-cm": "ICD10CM",
  icd10cm: "ICD10CM",
  icd10: "ICD10CM",
};

export function normalizeCodeSystem(system: string): CodeSystem | null {
  return systemAliases[system.trim().toLowerCase()] ?? null;
}

/** Canonical form for comparison: ICD-10-CM without dots, CVX without leading zeros ("08" = "8"). */
export function normalizeCode(system: CodeSystem, code: string): string {
  const upper = code.trim().toUpperCase();
  if (system === "ICD10CM") return upper.replaceAll(".", "");
  if (system === "CVX" && /^\d+$/.test(upper)) return String(Number(upper));
  return upper;
}

const codeList = z.array(z.string().trim().min(1).max(40)).default([]);

/**
 * Codes by system. ICD10CM entries are PREFIXES ("E11" matches "E11.9"; write "Z90.710" to mean
 * exactly that code); every other system matches exactly.
 */
export const codeSetSchema = z.object({
  LOINC: codeList,
  SNOMED: codeList,
  CPT: codeList,
  HCPCS: codeList,
  CVX: codeList,
  ICD10CM: codeList,
});
export type CodeSet = z.infer<typeof codeSetSchema>;

export type Coding = { system: string; code: string; display?: string | null | undefined };
export type CodeMatch = { system: CodeSystem; code: string; display: string | null };

type CompiledCodeSet = { exact: Map<CodeSystem, Set<string>>; icdPrefixes: string[] };
const compiledCache = new WeakMap<CodeSet, CompiledCodeSet>();

function compileCodeSet(set: CodeSet): CompiledCodeSet {
  const cached = compiledCache.get(set);
  if (cached) return cached;
  const exact = new Map<CodeSystem, Set<string>>();
  for (const system of codeSystems) exact.set(system, new Set(set[system].map((c) => normalizeCode(system, c))));
  // CPT is HCPCS level I and EHRs label the same code either way, so the two systems share one pool.
  const procedureCodes = new Set([...(exact.get("CPT") ?? []), ...(exact.get("HCPCS") ?? [])]);
  exact.set("CPT", procedureCodes);
  exact.set("HCPCS", procedureCodes);
  const compiled = { exact, icdPrefixes: set.ICD10CM.map((c) => normalizeCode("ICD10CM", c)) };
  compiledCache.set(set, compiled);
  return compiled;
}

function codeMatchKey(match: CodeMatch): string {
  return `${match.system}|${match.code}|${match.display ?? ""}`;
}

export function isCodeSetEmpty(set: CodeSet): boolean {
  return codeSystems.every((system) => set[system].length === 0);
}

/**
 * The matching coding with the smallest (system, code), so the answer does not depend on the order
 * in which an EHR listed a resource's codings.
 */
export function matchCodeSet(set: CodeSet, codings: readonly Coding[]): CodeMatch | null {
  const compiled = compileCodeSet(set);
  let best: CodeMatch | null = null;
  for (const coding of codings) {
    const system = normalizeCodeSystem(coding.system);
    if (system === null) continue;
    const code = normalizeCode(system, coding.code);
    if (code === "") continue;
    const hit =
      system === "ICD10CM"
        ? compiled.icdPrefixes.some((prefix) => code.startsWith(prefix))
        : (compiled.exact.get(system)?.has(code) ?? false);
    if (!hit) continue;
    const candidate = { system, code: coding.code.trim(), display: coding.display ?? null };
    if (best === null || codeMatchKey(candidate) < codeMatchKey(best)) best = candidate;
  }
  return best;
}

export function hasKnownCoding(codings: readonly Coding[], systems: readonly CodeSystem[]): boolean {
  return codings.some((coding) => {
    const system = normalizeCodeSystem(coding.system);
    return system !== null && systems.includes(system) && coding.code.trim() !== "";
  });
}
