import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readEcqmCases } from "./ecqm-corpus";
import { runEcqmEval } from "./run-ecqm-eval";

/**
 * The eval:ecqm harness on tests/fixtures/ecqm: ten official CMS130 test cases copied from the corpus
 * and one case re-pointed at a measure the product does not implement. Proves the command's contract,
 * the scoring and the encounter-only diagnosis without ../shared/corpus; accuracy on the whole corpus is
 * ecqm-corpus.test.ts.
 */
const corpus = path.join(import.meta.dirname, "../fixtures/ecqm");
const root = path.join(import.meta.dirname, "../..");
const measureDir = path.join(corpus, "tests", "CMS130FHIRColorectalCancerScrn");

describe("eCQM fixture corpus", () => {
  it("resolves each case's measure through the MeasureReport url and reads the series index", async () => {
    const cases = await readEcqmCases(corpus);
    expect(new Set(cases.map((c) => c.cmsId))).toEqual(new Set(["CMS130", "CMS9999"]));
    expect(cases.filter((c) => c.cmsId === "CMS130" && c.numSeries).length).toBe(6);
    expect(cases.every((c) => c.period.start === "2026-01-01" && c.expected.length === 1)).toBe(true);
  });
});

describe("eval:ecqm", () => {
  it("the command ends with one JSON line in the INTERFACES.md shape", async () => {
    const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
    const args = [tsx, "--conditions=react-server", "tests/eval/eval-ecqm.ts", "--corpus", corpus, "--json"];
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: root });
    const json = JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(json).toMatchObject({
      measures: { CMS130: { cases: 10, agree: 10, numBoundary: { cases: 6, agree: 6 }, encounterOnly: 0, version: "CMS130v14" } },
      overall: { cases: 10, agree: 10, rate: 1 },
      numBoundary: { cases: 6, agree: 6, rate: 1 },
      failures: [],
      skipped: { CMS9999: 1 },
    });
    expect(stderr).toMatch(/skipped CMS9999: 1 case/);
  }, 120_000);

  it("reports a disagreement, and one that is only about the visit as encounterOnly", async () => {
    const copy = await mkdtemp(path.join(tmpdir(), "ecqm-"));
    try {
      await cp(corpus, copy, { recursive: true });
      const dir = path.join(copy, "tests", path.basename(measureDir));
      const cases = await readEcqmCases(corpus);
      // Case 1: a numerator pass with its expected numerator flipped. Case 2: an IP pass with its visits removed.
      const numPass = cases.find((c) => c.numSeries && c.expected[0]!.numerator === 1)!.caseName;
      const ipPass = cases.find((c) => !c.numSeries && c.expected[0]!["denominator-exclusion"] === 0 && c.expected[0]!["initial-population"] === 1)!.caseName;
      const reportOf = async (caseDir: string) => path.join(caseDir, (await readdir(caseDir)).find((f) => f.startsWith("MeasureReport"))!);
      const reportFile = await reportOf(path.join(dir, numPass));
      const report = JSON.parse(await readFile(reportFile, "utf8"));
      report.group[0].population.find((p: { code: { coding: { code: string }[] } }) => p.code.coding[0]!.code === "numerator").count = 0;
      await writeFile(reportFile, JSON.stringify(report));
      for (const file of await readdir(path.join(dir, ipPass))) if (file.startsWith("Encounter-")) await rm(path.join(dir, ipPass, file));

      const summary = await runEcqmEval({ corpus: copy, log: () => undefined, measures: ["CMS130"] });
      expect(summary.measures.CMS130).toMatchObject({ cases: 10, agree: 8, encounterOnly: 1 });
      expect(summary.failures.find((f) => f.case === numPass)).toMatchObject({ measure: "CMS130", expected: { numer: 0 }, actual: { numer: 1 }, reason: expect.stringMatching(/Numerator: /) });
      expect(summary.failures.find((f) => f.case === ipPass)).toMatchObject({ reason: "no qualifying encounter recognised", actual: { ip: 0 } });
      expect(summary.overall.rate).toBe(0.8);
      expect(summary.skipped).toEqual({});
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
