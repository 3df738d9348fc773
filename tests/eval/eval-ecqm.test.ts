import { execFile } from "node:child_process";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readEcqmCases } from "./ecqm-corpus";
import { runEcqmEval } from "./run-ecqm-eval";

/**
 * eval:ecqm on the synthetic corpus in tests/fixtures/ecqm (same layout as the CMS 2025 corpus,
 * written for CMS130 and CMS125 boundaries, plus one measure the product does not implement).
 * The corpus is ours, so agreement here proves the harness and the boundaries, not accuracy on
 * the official test cases.
 */
const corpus = path.join(import.meta.dirname, "../fixtures/ecqm");
const root = path.join(import.meta.dirname, "../..");

describe("synthetic eCQM corpus", () => {
  it("resolves each case's measure through the MeasureReport url and reads the series indexes", async () => {
    const cases = await readEcqmCases(corpus);
    expect(new Set(cases.map((c) => c.cmsId))).toEqual(new Set(["CMS130", "CMS125", "CMS69"]));
    expect(cases.filter((c) => c.numSeries).length).toBe(13);
    expect(new Set(cases.map((c) => c.period.start.slice(0, 4)))).toEqual(new Set(["2024", "2025", "2026"]));
  });
});

describe("eval:ecqm", () => {
  it("the command ends with one JSON line in the INTERFACES.md shape", async () => {
    const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
    const args = [tsx, "--conditions=react-server", "tests/eval/eval-ecqm.ts", "--corpus", corpus, "--json"];
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd: root });
    const json = JSON.parse(stdout.trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(json).toMatchObject({
      measures: {
        CMS130: { cases: 14, agree: 14, numBoundary: { cases: 9, agree: 9 }, encounterOnly: 0 },
        CMS125: { cases: 9, agree: 9, numBoundary: { cases: 4, agree: 4 }, encounterOnly: 0 },
      },
      overall: { cases: 23, agree: 23, rate: 1 },
      numBoundary: { cases: 13, agree: 13, rate: 1 },
      failures: [],
    });
    expect(stderr).toMatch(/skipped CMS69: 1 case/);
  }, 120_000);

  it("reports a disagreement, and one that is only about the visit as encounterOnly", async () => {
    const copy = await mkdtemp(path.join(tmpdir(), "ecqm-"));
    try {
      await cp(corpus, copy, { recursive: true });
      const dir = path.join(copy, "tests", "CMS130FHIR-v0.1.000-FHIR");
      const [first, second] = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
      // Case 1: the expected numerator flipped. Case 2: the visit removed, expectations kept.
      const reportOf = async (caseDir: string) => path.join(caseDir, (await readdir(caseDir)).find((f) => f.startsWith("MeasureReport"))!);
      const report = JSON.parse(await readFile(await reportOf(first!), "utf8"));
      const numerator = report.group[0].population.find((p: { code: { coding: { code: string }[] } }) => p.code.coding[0]!.code === "numerator");
      const ip = report.group[0].population[0].count;
      numerator.count = ip === 1 ? 1 - numerator.count : numerator.count;
      await writeFile(await reportOf(first!), JSON.stringify(report));
      const bundleFile = path.join(second!, (await readdir(second!)).find((f) => !f.startsWith("MeasureReport"))!);
      const bundle = JSON.parse(await readFile(bundleFile, "utf8"));
      bundle.entry = bundle.entry.filter((e: { resource: { resourceType: string } }) => e.resource.resourceType !== "Encounter");
      await writeFile(bundleFile, JSON.stringify(bundle));

      const summary = await runEcqmEval({ corpus: copy, log: () => undefined });
      expect(ip).toBe(1);
      expect(summary.measures.CMS130).toMatchObject({ cases: 14, agree: 12, encounterOnly: 1 });
      expect(summary.failures.find((f) => f.case === path.basename(first!))).toMatchObject({ measure: "CMS130", reason: expect.any(String) });
      expect(summary.failures.find((f) => f.case === path.basename(second!))).toMatchObject({ reason: "no qualifying encounter recognised", actual: { ip: 0 } });
      expect(summary.overall.rate).toBeCloseTo(21 / 23, 3);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });
});
