import { computeAgeInYears, formatDay, parseIsoDate, type DayNumber } from "./calendar-date";
import { normalizeCode, normalizeCodeSystem, type CodeMatch, type CodeSystem, type Coding } from "./code-set";
import { codeFamilyBit, exactCodeKey, type CodingInfo, type CompiledMatcher, type CompiledTypeList } from "./compile-screening-types";
import type { JudgedMention } from "./collect-document-evidence";
import type { DocumentLayout } from "./find-mention-role";
import { factText, isConditionApplicable, resolveFactDate, type FactDate } from "./fact-helpers";
import { keywordMatchAt, resolveKeywordMatches, sortMatches, type KeywordMatch, type KeywordOwner } from "./match-keywords";
import type { ConditionFact, DocumentFact, ObservationFact, PatientFacts } from "./patient-facts";
import { hasMatcher, scanText, type KeywordHit, type MatcherSet, type TextScan } from "./scan-text";
import type { EvidenceItem, EvidenceSource } from "./screening-result";

/** A coded fact with everything the types ask of it computed once per call. */
export type FactRecord = {
  source: Exclude<EvidenceSource, "document">;
  id: string;
  origin: { text: string | null; codes: Coding[] };
  status: string;
  /** resolveFactDate of the fact's own date (performed, effective, occurrence or onset). */
  date: FactDate;
  /** Why a status disqualifies the fact as completion evidence, or null when it is a result. */
  statusProblem: string | null;
  /** Code-system family bits of codings with a recognised system and a non-blank code. */
  codingMask: number;
  /**
   * Code set ids and the match matchCodeSet would return for each, alternating (id, match, id, …);
   * null when nothing matched. A fact matches a few sets at most, so a flat list beats a Map per
   * fact. Read it with codeMatchIn.
   */
  matches: (number | CodeMatch)[] | null;
  condition: ConditionFact | null;
  observation: ObservationFact | null;
  /** For conditions: isConditionApplicable(…, everHad) for false and true. */
  applicableNow: boolean;
  applicableEver: boolean;
  scan: TextScan | null;
};

/** `layout` and `judged` are filled on first use by collectDocumentEvidence (per matcher id). */
export type DocumentRecord = {
  document: DocumentFact;
  date: FactDate;
  fields: TextScan[] | null;
  layout: DocumentLayout | null;
  judged: Map<number, JudgedMention | null> | null;
};

/**
 * One patient's facts indexed for one evaluateScreenings call: dates parsed and codings normalised
 * once, facts grouped by the code sets they match, texts scanned lazily and at most once. Lives only
 * for the call, so nothing about a patient outlives it.
 */
export type PatientIndex = {
  facts: PatientFacts;
  list: CompiledTypeList;
  asOf: DayNumber;
  asOfText: string;
  birthDay: DayNumber | null;
  ageOnAsOf: number | null;
  /** Code set id → records with a match in it. */
  bySet: (FactRecord[] | undefined)[];
  conditions: FactRecord[];
  procedures: FactRecord[];
  /** Non-condition facts with no recognised coding: the only ones whose text may count as completion. */
  uncoded: FactRecord[];
  documents: DocumentRecord[];
  /** findExclusions' items by the list's exclusion key, filled on first use (never handed out). */
  exclusions: (EvidenceItem[] | undefined)[];
  /** check-eligibility's dayOfReachingAge by age, filled on first use. */
  reachingAge: DayNumber[] | null;
  /** Matchers with a phrase in any document, once documentsMention has run. */
  documentMatchers: MatcherSet | null;
};

const finalResults = new Set(["final", "amended", "corrected"]);
const finalReports = new Set(["final", "amended", "corrected", "appended"]);
const notCompleted = (status: string) => `status ${status} is not a completed result`;

export function indexPatientFacts(facts: PatientFacts, list: CompiledTypeList, asOf: DayNumber): PatientIndex {
  const birthDay = parseIsoDate(facts.patient.birthDate);
  const index: PatientIndex = {
    facts, list, asOf, asOfText: formatDay(asOf), birthDay,
    ageOnAsOf: birthDay === null ? null : computeAgeInYears(birthDay, asOf),
    bySet: new Array<FactRecord[] | undefined>(list.codeSetCount), conditions: [], procedures: [], uncoded: [],
    documents: facts.documents.map((document) => ({ document, date: resolveFactDate(document.serviceDate, asOf), fields: null, layout: null, judged: null })),
    exclusions: new Array<EvidenceItem[] | undefined>(list.exclusionKeyCount),
    reachingAge: null,
    documentMatchers: null,
  };
  for (const p of facts.procedures) index.procedures.push(addRecord(index, "procedure", p, p.status, p.performed, p.status === "completed", null, null) as FactRecord);
  for (const o of facts.observations) addRecord(index, "observation", o, o.status, o.effective, finalResults.has(o.status), null, o);
  for (const r of facts.diagnosticReports) addRecord(index, "diagnostic_report", r, r.status, r.effective, finalReports.has(r.status), null, null);
  for (const i of facts.immunizations) addRecord(index, "immunization", i, i.status, i.occurrence, i.status === "completed", null, null);
  for (const c of facts.conditions) index.conditions.push(addRecord(index, "condition", c, c.clinicalStatus, c.onset, true, c, null) as FactRecord);
  return index;
}

/**
 * Indexes one fact. Conditions and procedures are always kept (exclusions and triggers walk them);
 * any other fact only when a type can read it: it matches a code set, or it has no recognised coding
 * so its text may count. A coded observation no type lists (a heart rate) gets no record at all.
 */
function addRecord(
  index: PatientIndex, source: FactRecord["source"], origin: FactRecord["origin"] & { id: string }, status: string, date: string | null,
  isResult: boolean, condition: ConditionFact | null, observation: ObservationFact | null,
): FactRecord | null {
  const { asOf, list } = index;
  let codingMask = 0;
  let matches: FactRecord["matches"] = null;
  for (const coding of origin.codes) {
    const info = lookUpCoding(list, coding.system, coding.code);
    codingMask |= info.familyBit;
    if (info.setIds.length === 0 || info.system === null) continue;
    matches = addCodeMatches(matches, info, coding);
  }
  if (matches === null && codingMask !== 0 && source !== "condition" && source !== "procedure") return null;
  let statusProblem: string | null = null;
  if (condition) {
    const refuted = condition.verificationStatus === "refuted" || condition.verificationStatus === "entered-in-error";
    if (refuted) statusProblem = `verification ${condition.verificationStatus}`;
  } else if (!isResult) statusProblem = notCompleted(status);
  const factDate = resolveFactDate(date, asOf);
  const record: FactRecord = {
    source, id: origin.id, origin, status, date: factDate, statusProblem, codingMask, matches,
    condition, observation, applicableNow: false, applicableEver: false, scan: null,
  };
  if (matches !== null) {
    for (let i = 0; i < matches.length; i += 2) {
      const id = matches[i] as number;
      const records = index.bySet[id];
      if (records) records.push(record);
      else index.bySet[id] = [record];
    }
  }
  if (condition) {
    // The fact's date is its onset, already resolved: isConditionApplicable reuses it.
    record.applicableEver = isConditionApplicable(condition, asOf, true, factDate);
    record.applicableNow = record.applicableEver && isConditionApplicable(condition, asOf, false, factDate);
  }
  if (codingMask === 0 && source !== "condition") index.uncoded.push(record);
  return record;
}

function codeMatchKey(match: CodeMatch): string {
  return `${match.system}|${match.code}|${match.display ?? ""}`;
}

/** What matchCodeSet would return for the code set with this id; undefined when the fact matched nothing in it. */
export function codeMatchIn(record: FactRecord, setId: number): CodeMatch | undefined {
  const { matches } = record;
  if (matches === null) return undefined;
  for (let i = 0; i < matches.length; i += 2) if (matches[i] === setId) return matches[i + 1] as CodeMatch;
  return undefined;
}

/** matchCodeSet's answer for every code set one coding matches, merged into the fact's list. */
function addCodeMatches(matches: FactRecord["matches"], info: CodingInfo, coding: Coding): NonNullable<FactRecord["matches"]> {
  const candidate: CodeMatch = { system: info.system as CodeSystem, code: info.code, display: coding.display ?? null };
  const list = matches ?? [];
  for (const id of info.setIds) {
    let slot = -1;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === id) {
        slot = i;
        break;
      }
    }
    if (slot < 0) list.push(id, candidate);
    // Strictly smaller only: on equal keys the first coding wins, as in matchCodeSet.
    else if (codeMatchKey(candidate) < codeMatchKey(list[slot + 1] as CodeMatch)) list[slot + 1] = candidate;
  }
  return list;
}

/**
 * Everything about one (system, code) pair that does not depend on the patient, memoised on the list:
 * patients share a small vocabulary, and normalising and looking up each coding was a fifth of the
 * engine's time. Entries hold only terminology, never which patient had them; the memo is bounded.
 */
function lookUpCoding(list: CompiledTypeList, rawSystem: string, rawCode: string): CodingInfo {
  const bySystem = list.codings.bySystem;
  let byCode = bySystem.get(rawSystem);
  let info = byCode?.get(rawCode);
  if (info !== undefined) return info;
  info = describeCoding(list, rawSystem, rawCode);
  if (list.codings.size >= codingMemoLimit) {
    bySystem.clear();
    list.codings.size = 0;
    byCode = undefined;
  }
  if (byCode === undefined) {
    byCode = new Map();
    bySystem.set(rawSystem, byCode);
  }
  byCode.set(rawCode, info);
  list.codings.size++;
  return info;
}

/** Entries the coding memo holds before it starts over (exported for its test). */
export const codingMemoLimit = 50_000;
const noSetIds: readonly number[] = [];

function describeCoding(list: CompiledTypeList, rawSystem: string, rawCode: string): CodingInfo {
  const system = normalizeCodeSystem(rawSystem);
  if (system === null) return { system, familyBit: 0, code: "", setIds: noSetIds };
  const familyBit = rawCode.trim() !== "" ? codeFamilyBit(system) : 0;
  const code = normalizeCode(system, rawCode);
  const setIds: number[] = [];
  if (code !== "") {
    // Ids in the order the per-coding lookups used to visit them: exact pool, or ICD prefixes by length.
    if (system !== "ICD10CM") setIds.push(...(list.exactCodes.get(exactCodeKey(system, code)) ?? []));
    else {
      for (const length of list.icdPrefixLengths) {
        if (length > code.length) break;
        setIds.push(...(list.icdPrefixes.get(code.slice(0, length)) ?? []));
      }
    }
  }
  return { system, familyBit, code: rawCode.trim(), setIds: setIds.length === 0 ? noSetIds : setIds };
}

/** The record's text and code displays, scanned on first use. */
export function factTextScan(record: FactRecord, list: CompiledTypeList): TextScan {
  record.scan ??= scanText(factText(record.origin), list);
  return record.scan;
}

/** The document's title, filename and text (those present, in that order), scanned on first use. */
export function documentScans(record: DocumentRecord, list: CompiledTypeList): TextScan[] {
  if (record.fields === null) {
    const { title, filename, text } = record.document;
    record.fields = [title, filename, text].filter((field): field is string => Boolean(field)).map((field) => scanText(field, list));
  }
  return record.fields;
}

const noMatches: readonly KeywordMatch[] = [];
const spanOfHit = (hit: KeywordHit) => hit.span;

/**
 * Exactly findKeywordMatches(matcher, text) for this matcher, from the shared scan. Memoised on the
 * scan (which lives only for the call) because types sharing a matcher ask for the same matches;
 * the array is shared, so callers must not change it.
 */
export function matchesIn(scan: TextScan, matcher: CompiledMatcher): readonly KeywordMatch[] {
  if (!hasMatcher(scan.matchers, matcher.id)) return noMatches;
  const memo = scan.matches?.get(matcher.id);
  if (memo) return memo;
  // Without blockers every owner's hit is a match, built straight from the scan's span; with them,
  // the owners' hits go through resolveKeywordMatches, which drops the blocked ones.
  const ownerHits: KeywordHit[] | null = matcher.hasBlockers ? [] : null;
  const direct: KeywordMatch[] = [];
  for (const hit of scan.keywordHits) {
    const owners = matcher.ownersByPhrase[hit.phraseIndex];
    if (!owners) continue;
    for (const owner of owners) {
      if (ownerHits) ownerHits.push({ phraseIndex: owner, start: hit.start, end: hit.end, span: hit.span });
      else direct.push(keywordMatchAt(matcher.owners[owner] as KeywordOwner, hit.span, scan.source));
    }
  }
  const matches = ownerHits ? resolveKeywordMatches(matcher.owners, ownerHits, scan.source, spanOfHit, true) : sortMatches(direct);
  scan.matches ??= new Map();
  scan.matches.set(matcher.id, matches);
  return matches;
}

/** Whether any field of the document mentions one of the matcher's phrases (blockers included). */
export function documentMentions(record: DocumentRecord, matcher: CompiledMatcher, list: CompiledTypeList): boolean {
  for (const scan of documentScans(record, list)) if (hasMatcher(scan.matchers, matcher.id)) return true;
  return false;
}

/** Whether any of the patient's documents mentions one of the matcher's phrases; scans them all once. */
export function documentsMention(index: PatientIndex, matcher: CompiledMatcher): boolean {
  if (index.documentMatchers === null) {
    const all = new Int32Array((index.list.matcherCount + 31) >>> 5);
    for (const record of index.documents) {
      for (const scan of documentScans(record, index.list)) {
        for (let word = 0; word < scan.matchers.length; word++) all[word] = (all[word] ?? 0) | (scan.matchers[word] ?? 0);
      }
    }
    index.documentMatchers = all;
  }
  return hasMatcher(index.documentMatchers, matcher.id);
}
