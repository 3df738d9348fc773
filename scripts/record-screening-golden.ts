/**
 * Records the screening engine's expected outputs (lib/screening/fixtures/*.json), which the golden
 * tests beside the engine compare against. This replaced a second copy of the engine kept only for an
 * equivalence test: the inputs are the generated cases that test drew, recorded once; the outputs are
 * what the engine answered, reviewed in the diff whenever a rule change moves them.
 *
 *   npx tsx --conditions=react-server scripts/record-screening-golden.ts            # outputs only
 *   npx tsx --conditions=react-server scripts/record-screening-golden.ts --inputs   # draw inputs again
 *
 * A run prints, per changed case, which types' answers moved, so a change can be reviewed before commit.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import {
  documentCategories, evaluateScreenings, evidenceIdOf, screeningPresetSchema, uspstfAdultPrimaryCarePreset, type PatientFacts, type ScreeningType,
} from "@/lib/screening";
import { parseGoldenInputs, runGoldenCase, type GoldenCase, type GoldenInputs } from "@/lib/screening/fixtures/run-golden-case";
import { layoutText, normalizeText } from "@/lib/screening/normalize-text";
import { buildPhraseTrie, scanPhraseTrie } from "@/lib/screening/phrase-trie";

const fixtures = path.resolve(import.meta.dirname, "../lib/screening/fixtures");
const inputsFile = path.join(fixtures, "evaluate-screenings.inputs.json");
const expectedFile = path.join(fixtures, "evaluate-screenings.expected.json");
const textFile = path.join(fixtures, "normalize-text.expected.json");
const seed = 20_250_630;

function drawInputs(): GoldenInputs {
  const presetTypes = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;
  // Clinic variants share evidence with the preset, so one text feeds several types at once.
  const variants: ScreeningType[] = presetTypes.slice(0, 6).map((t) => ({ ...t, key: `${t.key}-clinic`, family: t.family && { ...t.family, rank: t.family.rank + 1 } }));
  const types = [...presetTypes, ...variants];
  const [first, second] = presetTypes;
  if (!first || !second) throw new Error("preset is empty");
  // Same key and version, different content: one standalone, one in a family.
  const twins = [...types, { ...first, name: "Twin", family: null }, { ...second, key: first.key, version: first.version }];

  const date = fc.oneof(
    fc.constant(null),
    fc.date({ min: new Date("1940-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    fc.constantFrom("2015", "2019-06", "2024-02-29", "2023-02-29", "", "unknown"),
  );
  const presetCodes = [...new Set(presetTypes.flatMap((t) => [t.evidence.codes, t.exclusions.codes, t.eligibility.triggers?.codes].flatMap((set) =>
    set ? Object.entries(set).flatMap(([system, codes]) => codes.map((code) => ({ system, code }))) : [])))];
  const coding = fc.oneof(
    fc.constantFrom(...presetCodes).chain(({ system, code }) => fc.record({
      system: fc.constantFrom(system, system.toLowerCase(), system === "CPT" ? "HCPCS" : system, system === "ICD10CM" ? "http://hl7.org/fhir/sid/icd-10-cm" : system),
      code: fc.constantFrom(code, ` ${code.toLowerCase()} `, `${code}9`, code.replace(".", ""), code === "09" ? "9" : code),
      display: fc.option(fc.constantFrom("Colonoscopy", "Mammogram", "Hospice care", "Obesity", ""), { nil: null }),
    })),
    fc.record({
      system: fc.constantFrom("http://loinc.org", "urn:local", "SNOMED", "cvx"),
      code: fc.oneof(fc.constantFrom(".", "", "  ", "72166-2", "39156-5"), fc.string({ maxLength: 6 })),
      display: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
    }),
  );
  const phrases = [...new Set(presetTypes.flatMap((t) => [
    ...t.evidence.keywords.flatMap((k) => [k.term, ...k.synonyms, ...k.blockers]), ...t.exclusions.phrases, ...(t.eligibility.triggers?.synonyms ?? []),
  ]))];
  const cueWords = ["declined", "no", "history of", "family history of", "scheduled", "recommend", "but", "not performed", "s/p", "had a", "due"];
  const sentence = fc.tuple(fc.option(fc.constantFrom(...cueWords), { nil: null }), fc.constantFrom(...phrases), fc.option(fc.constantFrom(...cueWords), { nil: null }), fc.constantFrom(". ", "; ", "\n", " and ", ", ", "_"))
    .map(([pre, phrase, post, end]) => `${pre ?? ""} ${phrase} ${post ?? ""}${end}`);
  const text = fc.oneof(fc.array(sentence, { maxLength: 5 }).map((parts) => parts.join("")), fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));
  const id = fc.constantFrom("a", "b", "c", "d", "e");
  const codes = fc.array(coding, { maxLength: 3 });
  const facts = fc.record({
    patient: fc.record({
      birthDate: fc.date({ min: new Date("1930-01-01"), max: new Date("2010-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      sexForClinicalUse: fc.constantFrom("female", "male", "unknown", "other"),
    }),
    conditions: fc.array(fc.record({
      id, codes, text: fc.option(text, { nil: null }), onset: date, abatement: date,
      clinicalStatus: fc.constantFrom("active", "recurrence", "inactive", "resolved", "unknown"),
      verificationStatus: fc.constantFrom("confirmed", "provisional", "refuted", "entered-in-error"),
    }), { maxLength: 4 }),
    procedures: fc.array(fc.record({
      id, codes, text: fc.option(text, { nil: null }), performed: date, status: fc.constantFrom("completed", "not-done", "in-progress"),
    }), { maxLength: 4 }),
    observations: fc.array(fc.record({
      id, codes, text: fc.option(text, { nil: null }), effective: date, valueCodes: codes,
      valueNumber: fc.option(fc.double({ min: 10, max: 50, noNaN: true }), { nil: null }),
      status: fc.constantFrom("final", "amended", "preliminary", "cancelled"),
    }), { maxLength: 5 }),
    diagnosticReports: fc.array(fc.record({
      id, codes, text: fc.option(text, { nil: null }), effective: date, status: fc.constantFrom("final", "appended", "partial"),
    }), { maxLength: 2 }),
    immunizations: fc.array(fc.record({
      id, codes, text: fc.option(text, { nil: null }), occurrence: date, status: fc.constantFrom("completed", "not-done"),
    }), { maxLength: 3 }),
    documents: fc.array(fc.record({
      id, category: fc.constantFrom(...documentCategories), serviceDate: fc.option(fc.date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
      dateSource: fc.constantFrom(null, "ehr_service", "received"),
      title: fc.option(text, { nil: null }), filename: fc.option(text, { nil: null }), text,
      confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    }), { maxLength: 4 }),
  }) as fc.Arbitrary<PatientFacts>;
  const asOf = fc.date({ min: new Date("2015-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const clinicSettings = fc.option(fc.record({ minDocumentConfidence: fc.double({ min: 0, max: 1, noNaN: true }), dueSoonDays: fc.nat(60) }), { nil: undefined });
  const picks = fc.array(fc.record({
    n: fc.nat(),
    decision: fc.constantFrom("dismissed" as const, "confirmed" as const),
    confirmedDate: fc.option(fc.constantFrom("2010-05-05", "2020-02-29", "2024-12-31", "2031-01-01"), { nil: null }),
  }), { maxLength: 8 });

  const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number, offset: number) => fc.sample(arb, { seed: seed + offset, numRuns });
  const cases: GoldenCase[] = [];
  // Decisions aimed at evidence the engine reports, so most of them change something.
  for (const [f, day, chosen] of sample(fc.tuple(facts, asOf, picks), 100, 1)) {
    const targets = evaluateScreenings(f, types, { asOf: day })
      .flatMap((r) => r.evidence.map((item) => ({ screeningTypeKey: r.screeningTypeKey, evidenceId: evidenceIdOf(item) })));
    const reviews = targets.length === 0 ? [] : chosen.map(({ n, ...rest }) => ({ ...targets[n % targets.length]!, ...rest }));
    cases.push({ kind: "reviews", facts: f, asOf: day, reviews });
  }
  for (const [f, day, settings] of sample(fc.tuple(facts, asOf, clinicSettings), 100, 2)) {
    cases.push({ kind: "settings", facts: f, asOf: day, ...(settings ? { clinicSettings: settings } : {}) });
  }
  for (const [f, day, typeIndex] of sample(fc.tuple(facts, asOf, fc.nat(types.length - 1)), 150, 3)) {
    cases.push({ kind: "single", facts: f, asOf: day, typeIndex });
  }
  for (const [f, day] of sample(fc.tuple(facts, asOf), 25, 4)) cases.push({ kind: "twins", facts: f, asOf: day });
  return { types, twins, cases };
}

export type TextGolden = {
  normalize: { source: string; compact: string; sourceIndex: number[]; boundary: string; word: number[]; clause: number[] }[];
  scans: { phrases: string[]; source: string; hits: [number, number, number][] }[];
};

function drawTexts(): { sources: string[]; scans: { phrases: string[]; source: string }[] } {
  const text = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: "grapheme", maxLength: 30 }),
    fc.string({ unit: "binary", maxLength: 30 }),
    fc.array(fc.constantFrom("DXA", "dxaScan", "HbA1c", "e\u0301", "ﬁ", "İ", "ǅ", "²", "7.2", ". ", ".\u00a0", "\n", "_", "Σ", "ß", "𝐀", "𐐀", "\ud800", "-", "ＤＸＡ"), { maxLength: 12 }).map((parts) => parts.join("")),
  );
  const fixed = ["colonoscopyReport", "abcdefDEFghi", "x".repeat(300) + "Y" + "z".repeat(300), "mammo2024scan", "éabcDef", "ﬁnalReport"];
  const sources = [...fixed, ...fc.sample(text, { seed: seed + 5, numRuns: 600 })];
  // Phrases drawn partly from the text itself, so scans find something.
  const scanCase = fc.tuple(fc.array(text, { maxLength: 4 }), text, fc.nat(), fc.nat()).map(([phrases, source, a, b]) => {
    const start = source.length === 0 ? 0 : a % source.length;
    return { phrases: [...phrases, source.slice(start, start + 1 + (b % 8))], source };
  });
  return { sources, scans: fc.sample(scanCase, { seed: seed + 6, numRuns: 400 }) };
}

function recordTexts(drawn: { sources: string[]; scans: { phrases: string[]; source: string }[] }): TextGolden {
  return {
    normalize: drawn.sources.map((source) => {
      const n = normalizeText(source);
      return { source, compact: n.compact, sourceIndex: n.sourceIndex, boundary: n.boundary.map((b) => (b ? "1" : "0")).join(""), word: n.word, clause: n.clause };
    }),
    scans: drawn.scans.map(({ phrases, source }) => ({
      phrases, source,
      hits: scanPhraseTrie(buildPhraseTrie(phrases.map((p) => normalizeText(p).compact)), layoutText(source)).map((h) => [h.phraseIndex, h.start, h.end]),
    })),
  };
}

function main() {
  const fresh = process.argv.includes("--inputs");
  // Read back from JSON even when just drawn, so the outputs are those of exactly what is stored.
  if (fresh) writeFileSync(inputsFile, `${JSON.stringify(drawInputs())}\n`);
  const inputs = parseGoldenInputs(readFileSync(inputsFile, "utf8"));
  const expected = inputs.cases.map((c) => JSON.parse(JSON.stringify(runGoldenCase(inputs, c))) as unknown);
  const previous = readPrevious(expectedFile);
  // One result per line: a rule change shows up in the diff as the results it moved.
  const lines = (value: unknown) => (Array.isArray(value) ? `[\n${value.map((r) => JSON.stringify(r)).join(",\n")}\n]` : JSON.stringify(value));
  writeFileSync(expectedFile, `[\n${expected.map(lines).join(",\n")}\n]\n`);
  report(previous, expected);

  const texts = fresh ? drawTexts() : (() => {
    const stored = JSON.parse(readFileSync(textFile, "utf8")) as TextGolden;
    return { sources: stored.normalize.map((n) => n.source), scans: stored.scans.map(({ phrases, source }) => ({ phrases, source })) };
  })();
  const golden = recordTexts(texts);
  writeFileSync(textFile, `{"normalize": [\n${golden.normalize.map((n) => JSON.stringify(n)).join(",\n")}\n],\n"scans": [\n${golden.scans.map((s) => JSON.stringify(s)).join(",\n")}\n]}\n`);
  process.stdout.write(`recorded ${expected.length} engine cases, ${golden.normalize.length} normalised texts, ${golden.scans.length} scans\n`);
}

function readPrevious(file: string): unknown[] | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown[];
  } catch {
    return null;
  }
}

/** Per moved case, the types whose answer changed and how (status, dates), for the reviewer. */
function report(previous: unknown[] | null, next: unknown[]) {
  if (!previous) return;
  type Row = { screeningTypeKey: string; status: string; lastCompleted: string | null; nextDue: string | null };
  const rows = (value: unknown): Row[] => (Array.isArray(value) ? value : [value]) as Row[];
  const moves = new Map<string, number>();
  let changed = 0;
  next.forEach((value, i) => {
    if (JSON.stringify(value) === JSON.stringify(previous[i])) return;
    changed++;
    const before = rows(previous[i]);
    rows(value).forEach((row, j) => {
      const old = before[j];
      if (!old || JSON.stringify(old) === JSON.stringify(row)) return;
      const what = `${old.status}${old.lastCompleted === null ? " (never done)" : ""} → ${row.status}${old.nextDue !== row.nextDue ? `, nextDue ${old.nextDue === null ? "null" : "date"} → ${row.nextDue === null ? "null" : "date"}` : ""}`;
      moves.set(what, (moves.get(what) ?? 0) + 1);
    });
  });
  process.stdout.write(`${changed} of ${next.length} cases changed\n`);
  for (const [what, count] of [...moves].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${count} × ${what}\n`);
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) main();
