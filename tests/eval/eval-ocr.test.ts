import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { readOcrCorpus } from "./ocr-corpus";
import { runOcrEval } from "./run-ocr-eval";

/**
 * eval:ocr on the committed clinocr-mini corpus (a subset, for time). Checks the JSON contract of
 * INTERFACES.md and that the accuracy figures are sane. Throughput is reported by the eval, never
 * asserted here: the machine is shared.
 */
const corpus = path.join(import.meta.dirname, "../fixtures/clinocr-mini");
const root = path.join(import.meta.dirname, "../..");
// One text PDF, the mixed PDF (text page + scanned page) and one PNG: every path, 4 pages.
const subset = ["lipid-02", "referral-09", "dexa-11"];

describe("clinocr-mini corpus", () => {
  it("has the clinocr-bench layout: documents.csv, ground truth per document, PDFs and PNGs", async () => {
    const { documents } = await readOcrCorpus(corpus);
    expect(documents.length).toBeGreaterThanOrEqual(10);
    expect(new Set(documents.map((d) => d.kind))).toEqual(new Set(["text-pdf", "scanned-pdf", "mixed-pdf", "image"]));
    const pages = documents.reduce((sum, d) => sum + d.truthPages.length, 0);
    expect(pages).toBeGreaterThanOrEqual(18);
    for (const d of documents) expect(d.truthPages.every((p) => p.length > 20)).toBe(true);
  });
});

describe("eval:ocr", () => {
  it("measures text layer and forced-OCR word accuracy and both engines' pages/min in one run", async () => {
    const lines: string[] = [];
    const summary = await runOcrEval({ corpus, runs: 1, only: subset, log: (line) => lines.push(line) });
    expect(summary).toMatchObject({
      documents: 3,
      pages: 4,
      wordAccuracy: { textLayer: expect.any(Number), tesseractJs: expect.any(Number) },
      pagesPerMinute: { tesseractJs: expect.any(Number) },
      textLayerPagesOcrd: 0,
      goals: { textLayerNeverOcrd: true },
    });
    expect(summary.wordAccuracy.textLayer).toBeGreaterThanOrEqual(0.98);
    expect(summary.wordAccuracy.tesseractJs).toBeGreaterThanOrEqual(0.9);
    expect(summary.wordAccuracy.tesseractJs).toBeLessThanOrEqual(1);
    expect(summary.pagesPerMinute.tesseractJs).toBeGreaterThan(0);
    if (summary.nativeInstalled) {
      expect(summary.wordAccuracy.native).toBeGreaterThanOrEqual(0.9);
      expect(summary.pagesPerMinute.native).toBeGreaterThan(0);
      expect(summary.ratio).toBeCloseTo(summary.pagesPerMinute.tesseractJs! / summary.pagesPerMinute.native!, 1);
    } else {
      expect(summary.ratio).toBeNull();
    }
    expect(lines.some((line) => /run 1\/1 tesseractJs/.test(line))).toBe(true);
    // Pages are prepared once for both engines; a provider's pages/min counts that time as its own.
    expect(summary.timing).toMatchObject({ prepareSeconds: expect.any(Number), readSeconds: { tesseractJs: expect.any(Number) }, parallel: expect.stringContaining("prepared once") });
    expect(summary.readPagesPerMinute.tesseractJs).toBeGreaterThanOrEqual(summary.pagesPerMinute.tesseractJs!);
  }, 300_000);

  it("says so and reports ratio null when native tesseract is not installed", async () => {
    const lines: string[] = [];
    const summary = await runOcrEval({ corpus, runs: 1, only: ["eye-exam-12"], nativeBinary: "/nonexistent/tesseract", log: (l) => lines.push(l) });
    expect(summary).toMatchObject({ nativeInstalled: false, ratio: null, wordAccuracy: { native: null, textLayer: null }, pagesPerMinute: { native: null } });
    expect(summary.pagesPerMinute.tesseractJs).toBeGreaterThan(0);
    expect(lines.join("\n")).toMatch(/native tesseract is not installed/);
  }, 300_000);

  it("the command ends with one JSON line in the INTERFACES.md shape", async () => {
    const tsx = path.join(root, "node_modules/tsx/dist/cli.mjs");
    const args = [tsx, "--conditions=react-server", "tests/eval/eval-ocr.ts", "--corpus", corpus, "--json", "--runs", "1", "--only", "discharge-04,spirometry-13"];
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: root, maxBuffer: 8 * 1024 * 1024 });
    const last = stdout.trim().split("\n").at(-1)!;
    const json = JSON.parse(last) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(expect.arrayContaining(["documents", "pages", "wordAccuracy", "pagesPerMinute", "ratio"]));
    expect(json).toMatchObject({ documents: 2, pages: 2 });
    expect(Object.keys(json.wordAccuracy as object).sort()).toEqual(["native", "tesseractJs", "textLayer"]);
    expect(Object.keys(json.pagesPerMinute as object).sort()).toEqual(["native", "tesseractJs"]);
    expect((json.wordAccuracy as { textLayer: number }).textLayer).toBeGreaterThanOrEqual(0.98);
  }, 300_000);
});
