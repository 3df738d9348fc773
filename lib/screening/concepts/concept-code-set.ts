import { codeSystems, normalizeCodeSystem, type CodeSet, type CodeSystem } from "../code-set";
import { generatedValueSets } from "../value-sets/value-sets.generated";
import { clinicalConcepts, type ConceptId } from "./clinical-concepts";

const emptyLists = (): Record<CodeSystem, Set<string>> =>
  Object.fromEntries(codeSystems.map((system) => [system, new Set<string>()])) as Record<CodeSystem, Set<string>>;

function toCodeSet(lists: Record<CodeSystem, Set<string>>): CodeSet {
  return Object.fromEntries(codeSystems.map((system) => [system, [...lists[system]].sort()])) as CodeSet;
}

function addConcept(lists: Record<CodeSystem, Set<string>>, id: ConceptId): void {
  const concept = clinicalConcepts[id];
  for (const oid of concept.valueSets) {
    const valueSet = generatedValueSets[oid];
    if (!valueSet) throw new Error(`concept ${id}: value set ${oid} is not in value-sets.generated.ts`);
    // Systems the engine does not read (RxNorm, ICD-10-PCS, HSLOC) are left out, never guessed.
    for (const [url, codes] of Object.entries(valueSet.codes)) {
      const system = normalizeCodeSystem(url);
      if (system) for (const code of codes) lists[system].add(code);
    }
  }
  for (const supplement of concept.supplements) for (const code of supplement.codes) lists[supplement.system].add(code);
}

const byConcepts = new Map<string, CodeSet>();

/** The codes of one or more concepts as a CodeSet (ICD-10-CM entries are prefixes, as everywhere). */
export function conceptCodeSet(...ids: readonly ConceptId[]): CodeSet {
  const key = [...ids].sort().join(",");
  let set = byConcepts.get(key);
  if (!set) {
    const lists = emptyLists();
    for (const id of ids) addConcept(lists, id);
    byConcepts.set(key, (set = toCodeSet(lists)));
  }
  return set;
}

type EvidenceCodes = { codes: CodeSet; concepts: readonly ConceptId[] };
const byEvidence = new WeakMap<EvidenceCodes, CodeSet>();

/**
 * What counts as completion evidence by code: the type's own codes plus those of the concepts it
 * names. Without concepts it is `codes` itself, so compiled code sets stay shared by identity.
 */
export function evidenceCodeSet(evidence: EvidenceCodes): CodeSet {
  if (evidence.concepts.length === 0) return evidence.codes;
  let set = byEvidence.get(evidence);
  if (!set) {
    const lists = emptyLists();
    for (const id of evidence.concepts) addConcept(lists, id);
    for (const system of codeSystems) for (const code of evidence.codes[system]) lists[system].add(code);
    byEvidence.set(evidence, (set = toCodeSet(lists)));
  }
  return set;
}
