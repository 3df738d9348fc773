import { evaluateQualityMeasure, populationCodes, selectQualityMeasure, toQmFacts, type GroupPopulations, type QmFacts } from "@/lib/screening/quality-measures";
import { readEcqmCases } from "./ecqm-corpus";

/** The three headline populations of the first group, as failures show them (INTERFACES.md). */
type Triple = { ip: 0 | 1; denex: 0 | 1; numer: 0 | 1 };
type Tally = { cases: number; agree: number };
export type EcqmEvalSummary = {
  measures: Record<string, Tally & { numBoundary: Tally; encounterOnly: number; version: string; rate: number }>;
  overall: Tally & { rate: number };
  numBoundary: Tally & { rate: number };
  failures: { measure: string; case: string; expected: Triple; actual: Triple; reason: string; groups?: { expected: GroupPopulations[]; actual: GroupPopulations[] } }[];
  skipped: Record<string, number>;
};

const triple = (groups: readonly GroupPopulations[]): Triple => {
  const g = groups[0];
  return { ip: g?.["initial-population"] ?? 0, denex: g?.["denominator-exclusion"] ?? 0, numer: g?.numerator ?? 0 };
};
/** Every population of every group matches. */
const same = (a: readonly GroupPopulations[], b: readonly GroupPopulations[]) =>
  a.length === b.length && a.every((group, i) => populationCodes.every((code) => group[code] === b[i]![code]));
const rate = (t: Tally) => (t.cases === 0 ? 1 : Math.round((t.agree / t.cases) * 1000) / 1000);

/** A finished office visit on the first day of the period: tells a visit-only disagreement from the rest. */
function withOfficeVisit(facts: QmFacts, periodStart: string): QmFacts {
  const visit = toQmFacts([
    { resourceType: "Patient", birthDate: "1900-01-01" },
    { resourceType: "Encounter", id: "eval-visit", status: "finished", class: { code: "AMB" }, type: [{ coding: [{ system: "http://www.ama-assn.org/go/cpt", code: "99213" }] }], period: { start: periodStart, end: periodStart } },
  ])!.resources[0]!;
  return { ...facts, resources: [...facts.resources, visit] };
}

/**
 * Runs the product's quality-measure definitions over every test case whose measure it implements
 * (the version chosen by the case's measurement period) and compares every population of every group
 * with the case's MeasureReport. Measures it does not implement are counted under `skipped`.
 */
export async function runEcqmEval(input: { corpus: string; log: (line: string) => void; measures?: readonly string[] }): Promise<EcqmEvalSummary> {
  const cases = await readEcqmCases(input.corpus);
  const summary: EcqmEvalSummary = { measures: {}, overall: { cases: 0, agree: 0, rate: 1 }, numBoundary: { cases: 0, agree: 0, rate: 1 }, failures: [], skipped: {} };
  for (const testCase of cases) {
    if (input.measures?.length && !input.measures.includes(testCase.cmsId ?? "")) continue;
    const measure = testCase.cmsId ? selectQualityMeasure(testCase.cmsId, testCase.period) : null;
    if (!measure || !testCase.facts) {
      const key = testCase.cmsId ?? `unknown measure (${testCase.measureFolder})`;
      summary.skipped[key] = (summary.skipped[key] ?? 0) + 1;
      continue;
    }
    const result = evaluateQualityMeasure(testCase.facts, measure, testCase.period);
    const agree = same(testCase.expected, result.groups);
    const tally = (summary.measures[measure.cmsId] ??= { cases: 0, agree: 0, numBoundary: { cases: 0, agree: 0 }, encounterOnly: 0, version: measure.version, rate: 1 });
    for (const t of [tally, summary.overall]) t.cases++;
    if (testCase.numSeries) for (const t of [tally.numBoundary, summary.numBoundary]) t.cases++;
    if (agree) {
      for (const t of [tally, summary.overall]) t.agree++;
      if (testCase.numSeries) for (const t of [tally.numBoundary, summary.numBoundary]) t.agree++;
      continue;
    }
    const encounterOnly =
      result.groups[0]?.["initial-population"] === 0 &&
      same(testCase.expected, evaluateQualityMeasure(withOfficeVisit(testCase.facts, testCase.period.start), measure, testCase.period).groups);
    if (encounterOnly) tally.encounterOnly++;
    summary.failures.push({
      measure: measure.cmsId, case: testCase.caseName, expected: triple(testCase.expected), actual: triple(result.groups),
      reason: encounterOnly ? "no qualifying encounter recognised" : result.reasons.join(" "),
      groups: { expected: testCase.expected, actual: result.groups },
    });
  }
  summary.overall.rate = rate(summary.overall);
  summary.numBoundary.rate = rate(summary.numBoundary);
  for (const [id, tally] of Object.entries(summary.measures)) {
    tally.rate = rate(tally);
    input.log(`${id} (${tally.version}): ${tally.agree}/${tally.cases} agree (${tally.rate}); numerator boundary ${tally.numBoundary.agree}/${tally.numBoundary.cases}; encounter-only ${tally.encounterOnly}`);
  }
  for (const [id, count] of Object.entries(summary.skipped)) input.log(`skipped ${id}: ${count} case(s), measure not implemented (or no Patient)`);
  input.log(`overall ${summary.overall.agree}/${summary.overall.cases} (${summary.overall.rate}); numerator boundary ${summary.numBoundary.agree}/${summary.numBoundary.cases} (${summary.numBoundary.rate})`);
  return summary;
}
