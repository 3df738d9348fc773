import { computeAgeInYears, formatDay, parseIsoDate, type DayNumber } from "./calendar-date";
import { normalizeCode, normalizeCodeSystem, type CodeMatch, type CodeSystem, type Coding } from "./code-set";
import { codeFamilyBit, exactCodeKey, type CompiledMatcher, type CompiledTypeList } from "./compile-screening-types";
import { factText, isConditionApplicable, resolveFactDate, type FactDate } from "./fact-helpers";
import { measureSpan, resolveKeywordMatches, type KeywordMatch, type SpanTable } from "./match-keywords";
import { layoutIntoScratch, scratchLayout } from "./normalize-text";
import type { ConditionFact, DocumentFact, ObservationFact, PatientFacts } from "./patient-facts";
import { scanPhraseTrie, type PhraseHit } from "./phrase-trie";
import type { EvidenceSource } from "./screening-result";

/** A text scanned once with the list's combined trie: cue hits, keyword hits and which matchers they touch. */
export type TextScan = { prepared: SpanTable; keywordHits: PhraseHit[]; matchers: ReadonlySet<number> };

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
  /** Code set id → the match matchCodeSet would return; null when nothing matched. */
  matches: Map<number, CodeMatch> | null;
  condition: ConditionFact | null;
  observation: ObservationFact | null;
  /** For conditions: isConditionApplicable(…, everHad) for false and true. */
  applicableNow: boolean;
  applicableEver: boolean;
  scan: TextScan | null;
};

export type DocumentRecord = { document: DocumentFact; date: FactDate; fields: TextScan[] | null };

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
  records: FactRecord[];
  /** Code set id → records with a match in it. */
  bySet: (FactRecord[] | undefined)[];
  conditions: FactRecord[];
  procedures: FactRecord[];
  /** Non-condition facts with no recognised coding: the only ones whose text may count as completion. */
  uncoded: FactRecord[];
  documents: DocumentRecord[];
  /** Ids of matchers with a phrase in any document, once documentsMention has run. */
  documentMatchers: Set<number> | null;
};

const finalResults = new Set(["final", "amended", "corrected"]);
const finalReports = new Set(["final", "amended", "corrected", "appended"]);
const problem = (ok: boolean, status: string) => (ok ? null : `status ${status} is not a completed result`);

export function indexPatientFacts(facts: PatientFacts, list: CompiledTypeList, asOf: DayNumber): PatientIndex {
  const birthDay = parseIsoDate(facts.patient.birthDate);
  const index: PatientIndex = {
    facts, list, asOf, asOfText: formatDay(asOf), birthDay,
    ageOnAsOf: birthDay === null ? null : computeAgeInYears(birthDay, asOf),
    records: [], bySet: new Array<FactRecord[] | undefined>(list.codeSetCount), conditions: [], procedures: [], uncoded: [],
    documents: facts.documents.map((document) => ({ document, date: resolveFactDate(document.serviceDate, asOf), fields: null })),
    documentMatchers: null,
  };
  for (const p of facts.procedures) index.procedures.push(addRecord(index, "procedure", p, p.status, p.performed, problem(p.status === "completed", p.status), null, null));
  for (const o of facts.observations) addRecord(index, "observation", o, o.status, o.effective, problem(finalResults.has(o.status), o.status), null, o);
  for (const r of facts.diagnosticReports) addRecord(index, "diagnostic_report", r, r.status, r.effective, problem(finalReports.has(r.status), r.status), null, null);
  for (const i of facts.immunizations) addRecord(index, "immunization", i, i.status, i.occurrence, problem(i.status === "completed", i.status), null, null);
  for (const c of facts.conditions) {
    const refuted = c.verificationStatus === "refuted" || c.verificationStatus === "entered-in-error";
    index.conditions.push(addRecord(index, "condition", c, c.clinicalStatus, c.onset, refuted ? `verification ${c.verificationStatus}` : null, c, null));
  }
  return index;
}

function addRecord(
  index: PatientIndex, source: FactRecord["source"], origin: FactRecord["origin"] & { id: string }, status: string, date: string | null,
  statusProblem: string | null, condition: ConditionFact | null, observation: ObservationFact | null,
): FactRecord {
  const { asOf, list } = index;
  const record: FactRecord = {
    source, id: origin.id, origin, status, date: resolveFactDate(date, asOf), statusProblem, codingMask: 0, matches: null,
    condition, observation, applicableNow: false, applicableEver: false, scan: null,
  };
  matchCodings(record, list, index.bySet);
  if (condition) {
    record.applicableNow = isConditionApplicable(condition, asOf, false);
    record.applicableEver = isConditionApplicable(condition, asOf, true);
  }
  index.records.push(record);
  if (record.codingMask === 0 && source !== "condition") index.uncoded.push(record);
  return record;
}

function codeMatchKey(match: CodeMatch): string {
  return `${match.system}|${match.code}|${match.display ?? ""}`;
}

/** What matchCodeSet would answer for every code set of the list, from one pass over the codings. */
function matchCodings(record: FactRecord, list: CompiledTypeList, bySet: PatientIndex["bySet"]): void {
  for (const coding of record.origin.codes) {
    const system = normalizeCodeSystem(coding.system);
    if (system === null) continue;
    if (coding.code.trim() !== "") record.codingMask |= codeFamilyBit(system);
    const code = normalizeCode(system, coding.code);
    if (code === "") continue;
    if (system !== "ICD10CM") {
      addMatches(record, list.exactCodes.get(exactCodeKey(system, code)), system, coding);
      continue;
    }
    for (const length of list.icdPrefixLengths) {
      if (length > code.length) break;
      addMatches(record, list.icdPrefixes.get(code.slice(0, length)), system, coding);
    }
  }
  if (record.matches === null) return;
  for (const id of record.matches.keys()) {
    const records = bySet[id] ?? [];
    records.push(record);
    bySet[id] = records;
  }
}

function addMatches(record: FactRecord, ids: readonly number[] | undefined, system: CodeSystem, coding: Coding): void {
  if (ids === undefined) return;
  const candidate: CodeMatch = { system, code: coding.code.trim(), display: coding.display ?? null };
  record.matches ??= new Map();
  for (const id of ids) {
    const best = record.matches.get(id);
    // Strictly smaller only: on equal keys the first coding wins, as in matchCodeSet.
    if (best === undefined || codeMatchKey(candidate) < codeMatchKey(best)) record.matches.set(id, candidate);
  }
}

function scanText(source: string, list: CompiledTypeList): TextScan {
  // Laid out in scratch buffers and measured at once: only the hits survive, not per-character arrays.
  const length = layoutIntoScratch(source);
  const layout = scratchLayout();
  const hits = scanPhraseTrie(list.trie, { codes: layout.codes.subarray(0, length), boundary: layout.boundary.subarray(0, length + 1) });
  const cues: PhraseHit[] = [];
  const keywordHits: PhraseHit[] = [];
  const matchers = new Set<number>();
  for (const hit of hits) {
    if (hit.phraseIndex < list.cueCount) {
      cues.push(hit);
      continue;
    }
    const phraseIndex = hit.phraseIndex - list.cueCount;
    keywordHits.push({ phraseIndex, start: hit.start, end: hit.end });
    for (const id of list.phraseMatchers[phraseIndex] ?? []) matchers.add(id);
  }
  const table: SpanTable = { source, cues, layout: null, spans: new Map() };
  for (const hit of keywordHits) measureSpan(table, layout, hit.start, hit.end);
  return { prepared: table, keywordHits, matchers };
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

const noMatches: KeywordMatch[] = [];

/** Exactly findKeywordMatches(matcher, text) for this matcher, from the shared scan. */
export function matchesIn(scan: TextScan, matcher: CompiledMatcher): KeywordMatch[] {
  if (!scan.matchers.has(matcher.id)) return noMatches;
  const hits: PhraseHit[] = [];
  for (const hit of scan.keywordHits) {
    const owners = matcher.ownersByPhrase.get(hit.phraseIndex);
    if (owners) for (const owner of owners) hits.push({ phraseIndex: owner, start: hit.start, end: hit.end });
  }
  return resolveKeywordMatches(matcher.owners, hits, scan.prepared);
}

/** Whether any field of the document mentions one of the matcher's phrases (blockers included). */
export function documentMentions(record: DocumentRecord, matcher: CompiledMatcher, list: CompiledTypeList): boolean {
  return documentScans(record, list).some((scan) => scan.matchers.has(matcher.id));
}

/** Whether any of the patient's documents mentions one of the matcher's phrases; scans them all once. */
export function documentsMention(index: PatientIndex, matcher: CompiledMatcher): boolean {
  if (index.documentMatchers === null) {
    const ids = new Set<number>();
    for (const record of index.documents) for (const scan of documentScans(record, index.list)) for (const id of scan.matchers) ids.add(id);
    index.documentMatchers = ids;
  }
  return index.documentMatchers.has(matcher.id);
}
