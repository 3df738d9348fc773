import { evaluateQualityMeasure, findQualityMeasure, type MeasurePopulations } from "@/lib/screening/quality-measures";
import { readEcqmCases } from "./ecqm-corpus";

type Triple = Pick<MeasurePopulations, "ip" | "denex" | "numer">;
type Tally = { cases: number; agree: number };
export type EcqmEvalSummary = {
  measures: Record<string, Tally & { numBoundary: Tally; encounterOnly: number }>;
  overall: Tally & { rate: number };
  numBoundary: Tally & { rate: number };
  failures: { measure: string; case: string; expected: Triple; actual: Triple; reason: string }[];
  skipped: Record<string, number>;
};

const triple = (p: Triple): Triple => ({ ip: p.ip, denex: p.denex, numer: p.numer });
const same = (a: Triple, b: Triple) => a.ip === b.ip && a.denex === b.denex && a.numer === b.numer;
const rate = (t: Tally) => (t.cases === 0 ? 1 : Math.round((t.agree / t.cases) * 1000) / 1000);

/**
 * Runs the product's own quality-measure definitions over every test case whose measure it
 * implements and compares initial population, denominator exclusion and numerator with the case's
 * MeasureReport. Measures it does not implement are counted under `skipped` and named in the log.
 */
export async function runEcqmEval(input: { corpus: string; log: (line: string) => void }): Promise<EcqmEvalSummary> {
  const cases = await readEcqmCases(input.corpus);
  const summary: EcqmEvalSummary = { measures: {}, overall: { cases: 0, agree: 0, rate: 1 }, numBoundary: { cases: 0, agree: 0, rate: 1 }, failures: [], skipped: {} };
  for (const testCase of cases) {
    const measure = testCase.cmsId ? findQualityMeasure(testCase.cmsId) : null;
    if (!measure || !testCase.facts) {
      const key = testCase.cmsId ?? `unknown measure (${testCase.measureFolder})`;
      summary.skipped[key] = (summary.skipped[key] ?? 0) + 1;
      continue;
    }
    const result = evaluateQualityMeasure(testCase.facts, measure, testCase.period);
    const expected = triple(testCase.expected);
    const actual = triple(result);
    const agree = same(expected, actual);
    const tally = (summary.measures[measure.cmsId] ??= { cases: 0, agree: 0, numBoundary: { cases: 0, agree: 0 }, encounterOnly: 0 });
    tally.cases++;
    summary.overall.cases++;
    if (testCase.numSeries) {
      tally.numBoundary.cases++;
      summary.numBoundary.cases++;
    }
    if (agree) {
      tally.agree++;
      summary.overall.agree++;
      if (testCase.numSeries) {
        tally.numBoundary.agree++;
        summary.numBoundary.agree++;
      }
      continue;
    }
    // Only about the visit: with the visit requirement met, the rest would have agreed.
    const withVisit = evaluateQualityMeasure(
      { ...testCase.facts, events: [...testCase.facts.events, { id: "eval-visit", kind: "encounter", codes: [{ system: "http://www.ama-assn.org/go/cpt", code: "99213" }], status: "finished", start: testCase.period.start, end: testCase.period.start, valueNumber: null, valueCodes: [], hasValue: false }] },
      measure,
      testCase.period,
    );
    const encounterOnly = !result.qualifyingEncounter && same(expected, triple(withVisit));
    if (encounterOnly) tally.encounterOnly++;
    summary.failures.push({
      measure: measure.cmsId, case: testCase.caseName, expected, actual,
      reason: encounterOnly ? "no qualifying encounter recognised" : (result.reasons.at(-1) ?? ""),
    });
  }
  summary.overall.rate = rate(summary.overall);
  summary.numBoundary.rate = rate(summary.numBoundary);
  for (const [id, tally] of Object.entries(summary.measures)) {
    input.log(`${id}: ${tally.agree}/${tally.cases} agree; numerator boundary ${tally.numBoundary.agree}/${tally.numBoundary.cases}; encounter-only ${tally.encounterOnly}`);
  }
  for (const [id, count] of Object.entries(summary.skipped)) input.log(`skipped ${id}: ${count} case(s), measure not implemented (or no Patient)`);
  input.log(`overall ${summary.overall.agree}/${summary.overall.cases} (${summary.overall.rate}); numerator boundary ${summary.numBoundary.agree}/${summary.numBoundary.cases} (${summary.numBoundary.rate})`);
  return summary;
}
