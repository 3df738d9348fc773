import { describe, expect, it } from "vitest";
import { listQualityMeasureIds } from "@/lib/screening/quality-measures";
import { runEcqmEval } from "./run-ecqm-eval";
import { findCorpusFolder } from "./shared-corpus";

/**
 * Quality-measure mode against the official 2026 eCQM test decks (603 cases, 13 measures): every
 * population of every group must match the case's MeasureReport. Goals (issue 15): NUM-series ≥ 0.99,
 * overall ≥ 0.95, every measure ≥ 0.90, no measure skipped.
 */
const corpus = findCorpusFolder("ecqm-dqm-content-cms-2025");

describe.skipIf(!corpus.available)("eval:ecqm on ecqm-dqm-content-cms-2025", () => {
  it("agrees with the expected populations", async () => {
    const lines: string[] = [];
    const summary = await runEcqmEval({ corpus: corpus.dir, log: (line) => lines.push(line) });
    console.log(lines.join("\n"));
    expect(summary.skipped).toEqual({});
    expect(Object.keys(summary.measures).sort()).toEqual(listQualityMeasureIds().sort());
    expect(summary.overall.cases).toBe(603);
    expect(summary.numBoundary.rate).toBeGreaterThanOrEqual(0.99);
    expect(summary.overall.rate).toBeGreaterThanOrEqual(0.95);
    for (const [id, tally] of Object.entries(summary.measures)) expect(tally.rate, id).toBeGreaterThanOrEqual(0.9);
  });
});
