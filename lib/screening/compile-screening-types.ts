import type { AgeReasons } from "./check-eligibility";
import { codeSystems, isCodeSetEmpty, normalizeCode, type CodeSet, type CodeSystem } from "./code-set";
import { evidenceCodeSet } from "./concepts/concept-code-set";
import { contextCuePhrases } from "./detect-context";
import type { KeywordOwner } from "./match-keywords";
import { compactPhrase } from "./normalize-text";
import type { DocumentCategory } from "./patient-facts";
import { buildPhraseTrie, type PhraseTrie } from "./phrase-trie";
import { compareStrings } from "./screening-result";
import type { ObservationTrigger, ScreeningType, Trigger } from "./screening-type";

/** One keyword matcher of one type, addressed by id inside its CompiledTypeList. */
export type CompiledMatcher = {
  id: number;
  owners: KeywordOwner[];
  termCount: number;
  /** Whether any owner is a blocker phrase (most matchers have none, and skip that check). */
  hasBlockers: boolean;
  /** Phrase index in the list's trie (cues come first) → indices into `owners`, ascending; sparse. */
  ownersByPhrase: (number[] | undefined)[];
};

/** A code set, addressed by id; `listedMask` has one bit per listed code-system family. */
export type CompiledCodeSet = { id: number; set: CodeSet; listedMask: number };

export type CompiledObservationTrigger = { rule: ObservationTrigger; codes: CompiledCodeSet; anyValueCode: boolean };

export type CompiledType = {
  type: ScreeningType;
  evidenceCodes: CompiledCodeSet;
  evidenceMatcher: CompiledMatcher;
  documentCategories: ReadonlySet<DocumentCategory>;
  trigger: { rule: Trigger; codes: CompiledCodeSet; matcher: CompiledMatcher; observations: CompiledObservationTrigger[] } | null;
  exclusionCodes: CompiledCodeSet;
  exclusionMatcher: CompiledMatcher;
  /** Types with the same exclusion codes and matcher share this number (0 … exclusionKeyCount − 1). */
  exclusionKey: number;
  /** Filled on first use by check-eligibility. */
  ageReasons: AgeReasons | null;
};

/**
 * Everything about a list of screening types that does not depend on the patient, built once per
 * list: code sets inverted into one lookup from (system, code) to the sets that hold it, and every
 * type's keyword phrases plus the context cues in ONE trie, so each text is scanned once per
 * evaluateScreenings call however many types read it.
 */
export type CompiledTypeList = {
  /** In evaluation order: by key, then version, stable for equal keys. */
  types: CompiledType[];
  /** No two types share a key and version, so evaluation order is also the output order. */
  distinctKeys: boolean;
  codeSetCount: number;
  exclusionKeyCount: number;
  /** Matcher ids run from 0 to matcherCount − 1. */
  matcherCount: number;
  /** `${pool}|${normalised code}` → code set ids (CPT and HCPCS share the pool "CPT"). */
  exactCodes: Map<string, number[]>;
  /** Normalised ICD-10-CM prefix → code set ids, and the distinct prefix lengths to try. */
  icdPrefixes: Map<string, number[]>;
  icdPrefixLengths: number[];
  /** Cue phrases first (cue index = phrase index), then the distinct keyword phrases. */
  trie: PhraseTrie;
  cueCount: number;
  /** Keyword phrase id → ids of matchers that own it. */
  phraseMatchers: number[][];
  /** Memo of raw (system, code) pairs seen in facts; see lookUpCoding in index-patient-facts. */
  codings: CodingMemo;
};

/** A raw coding's normalised system, family bit (0 for a blank code), trimmed code and matching code set ids. */
export type CodingInfo = { system: CodeSystem | null; familyBit: number; code: string; setIds: readonly number[] };
export type CodingMemo = { bySystem: Map<string, Map<string, CodingInfo>>; size: number };

const familyBits: Record<CodeSystem, number> = { LOINC: 1, SNOMED: 2, CPT: 4, HCPCS: 4, CVX: 8, ICD10CM: 16 };

/** The code-system family bit, with CPT and HCPCS as one family (as canFallBackToText treats them). */
export function codeFamilyBit(system: CodeSystem): number {
  return familyBits[system];
}

export function exactCodeKey(system: CodeSystem, normalizedCode: string): string {
  return `${system === "HCPCS" ? "CPT" : system}|${normalizedCode}`;
}

function compileList(types: readonly ScreeningType[]): CompiledTypeList {
  const exactCodes = new Map<string, number[]>();
  const icdPrefixes = new Map<string, number[]>();
  const prefixLengths = new Set<number>();
  const phraseIds = new Map<string, number>();
  const phraseMatchers: number[][] = [];
  let codeSetCount = 0;
  let matcherCount = 0;
  const addId = (map: Map<string, number[]>, key: string, id: number) => {
    const ids = map.get(key) ?? [];
    if (ids.at(-1) !== id) ids.push(id);
    map.set(key, ids);
  };
  // One id per distinct CodeSet object: a clinic's variants of a preset type share the preset's
  // sets, so a coding matches one id instead of one per variant.
  const codeSetsByObject = new Map<CodeSet, CompiledCodeSet>();
  const codeSet = (set: CodeSet): CompiledCodeSet => {
    const known = codeSetsByObject.get(set);
    if (known) return known;
    const id = codeSetCount++;
    let listedMask = 0;
    for (const system of codeSystems) {
      if (set[system].length > 0) listedMask |= familyBits[system];
      for (const code of set[system]) {
        const normalized = normalizeCode(system, code);
        if (system === "ICD10CM") {
          addId(icdPrefixes, normalized, id);
          prefixLengths.add(normalized.length);
        } else addId(exactCodes, exactCodeKey(system, normalized), id);
      }
    }
    const compiledSet = { id, set, listedMask };
    codeSetsByObject.set(set, compiledSet);
    return compiledSet;
  };
  // Matchers with the same owners in the same order give the same matches for any text, so types
  // that share keywords (a clinic's variants of a preset type) share one matcher and its memoised
  // matches per text (see matchesIn).
  const matchersByOwners = new Map<string, CompiledMatcher>();
  const matcher = (entries: readonly { id: string; phrases: readonly string[]; blockers?: readonly string[] }[]): CompiledMatcher => {
    const owners: KeywordOwner[] = [];
    for (const entry of entries) {
      for (const phrase of entry.phrases) owners.push({ id: entry.id, phrase, blocker: false });
      for (const phrase of entry.blockers ?? []) owners.push({ id: entry.id, phrase, blocker: true });
    }
    const signature = JSON.stringify(owners.map((owner) => [owner.id, owner.phrase, owner.blocker]));
    const existing = matchersByOwners.get(signature);
    if (existing) return existing;
    const id = matcherCount++;
    const ownersByPhrase: (number[] | undefined)[] = [];
    owners.forEach((owner, index) => {
      const compact = compactPhrase(owner.phrase);
      let phraseId = phraseIds.get(compact);
      if (phraseId === undefined) {
        phraseId = phraseIds.size;
        phraseIds.set(compact, phraseId);
        phraseMatchers.push([]);
      }
      const matchers = phraseMatchers[phraseId] ?? [];
      if (matchers.at(-1) !== id) matchers.push(id);
      // Keyed by the trie's index, so a scan's hits are looked up without renumbering them.
      const trieIndex = contextCuePhrases.length + phraseId;
      const list = ownersByPhrase[trieIndex] ?? [];
      list.push(index);
      ownersByPhrase[trieIndex] = list;
    });
    const compiledMatcher = {
      id, owners, termCount: owners.filter((owner) => !owner.blocker).length, hasBlockers: owners.some((owner) => owner.blocker), ownersByPhrase,
    };
    matchersByOwners.set(signature, compiledMatcher);
    return compiledMatcher;
  };
  // Stable sort, exactly as evaluateScreenings orders its output.
  const sorted = [...types].sort((a, b) => compareStrings(a.key, b.key) || a.version - b.version);
  const exclusionKeys = new Map<string, number>();
  const exclusionKey = (codes: CompiledCodeSet, phrases: CompiledMatcher) => {
    const signature = `${codes.id}|${phrases.id}`;
    let key = exclusionKeys.get(signature);
    if (key === undefined) {
      key = exclusionKeys.size;
      exclusionKeys.set(signature, key);
    }
    return key;
  };
  const compiled = sorted.map((type): CompiledType => {
    const triggers = type.eligibility.triggers;
    // Code sets and matchers get their ids in this order: evidence, trigger, exclusions.
    const evidenceCodes = codeSet(evidenceCodeSet(type.evidence));
    const evidenceMatcher = matcher(type.evidence.keywords.map((k) => ({ id: k.term, phrases: [k.term, ...k.synonyms], blockers: k.blockers })));
    const trigger = triggers === null ? null : {
      rule: triggers,
      codes: codeSet(triggers.codes),
      matcher: matcher(triggers.synonyms.map((phrase) => ({ id: phrase, phrases: [phrase] }))),
      observations: triggers.observations.map((rule) => ({ rule, codes: codeSet(rule.codes), anyValueCode: isCodeSetEmpty(rule.valueCodes) })),
    };
    const exclusionCodes = codeSet(type.exclusions.codes);
    const exclusionMatcher = matcher(type.exclusions.phrases.map((phrase) => ({ id: phrase, phrases: [phrase] })));
    return {
      type,
      evidenceCodes,
      evidenceMatcher,
      documentCategories: new Set(type.evidence.documentCategories),
      trigger,
      exclusionCodes,
      exclusionMatcher,
      exclusionKey: exclusionKey(exclusionCodes, exclusionMatcher),
      ageReasons: null,
    };
  });
  return {
    types: compiled,
    distinctKeys: sorted.every((type, i) => i === 0 || type.key !== sorted[i - 1]?.key || type.version !== sorted[i - 1]?.version),
    codeSetCount,
    exclusionKeyCount: exclusionKeys.size,
    matcherCount,
    exactCodes,
    icdPrefixes,
    icdPrefixLengths: [...prefixLengths].sort((a, b) => a - b),
    trie: buildPhraseTrie([...contextCuePhrases, ...phraseIds.keys()]),
    cueCount: contextCuePhrases.length,
    phraseMatchers,
    codings: { bySystem: new Map(), size: 0 },
  };
}

// Caches hold derived data only, keyed by object identity (types are immutable parsed data), so
// results are the same with or without them. Callers that rebuild the array each call still hit
// the second cache, keyed by the identities of the types in order; it is small and bounded.
const byArray = new WeakMap<readonly ScreeningType[], { members: ScreeningType[]; list: CompiledTypeList }>();
const typeIds = new WeakMap<ScreeningType, number>();
const byMembers = new Map<string, CompiledTypeList>();
const maxMemberEntries = 64;
let nextTypeId = 0;

function typeId(type: ScreeningType): number {
  let id = typeIds.get(type);
  if (id === undefined) {
    id = nextTypeId++;
    typeIds.set(type, id);
  }
  return id;
}

const single = new WeakMap<ScreeningType, CompiledTypeList>();

/** The compiled form of one type, for evaluateScreening. */
export function compileScreeningType(type: ScreeningType): CompiledTypeList {
  let list = single.get(type);
  if (!list) {
    list = compileList([type]);
    single.set(type, list);
  }
  return list;
}

/** The compiled form of a type list, built on first use and reused while the same types are passed. */
export function compileScreeningTypes(types: readonly ScreeningType[]): CompiledTypeList {
  const cached = byArray.get(types);
  if (cached && cached.members.length === types.length && cached.members.every((type, i) => type === types[i])) {
    return cached.list;
  }
  const key = types.map(typeId).join(",");
  let list = byMembers.get(key);
  if (!list) {
    list = compileList(types);
    if (byMembers.size >= maxMemberEntries) byMembers.clear();
    byMembers.set(key, list);
  }
  byArray.set(types, { members: [...types], list });
  return list;
}
