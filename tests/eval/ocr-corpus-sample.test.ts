import { describe, expect, it } from "vitest";
import { readOcrCorpus } from "./ocr-corpus";
import { runOcrEval } from "./run-ocr-eval";
import { findCorpusFolder } from "./shared-corpus";

/**
 * eval:ocr on a fixed sample of clinocr-bench (issue 17): faxes turned 90° and 180°, standard-resolution
 * (204×98 dpi) faxes, scanned PDFs and page images, read by both OCR paths through the product's page
 * reader. Each path must read the faxes at least as well as plain `tesseract --psm 1` on the same files
 * in the same run, and no turned page may be misread. The whole corpus is `npm run eval:ocr`.
 */
const corpus = findCorpusFolder("clinocr-bench");

async function pickSample(dir: string): Promise<string[]> {
  const { documents } = await readOcrCorpus(dir);
  const first = (n: number, keep: (d: (typeof documents)[number]) => boolean) => documents.filter(keep).slice(0, n).map((d) => d.id);
  return [
    ...first(3, (d) => /turned/.test(d.degradation)),
    // One of each other kind: enough to catch a broken path, small enough for CI's time budget.
    ...first(1, (d) => /standard/.test(d.degradation) && !/turned/.test(d.degradation)),
    ...first(1, (d) => d.kind === "scanned-pdf"),
    ...first(1, (d) => d.kind === "image" && !d.degradation),
  ];
}

describe.skipIf(!corpus.available)("eval:ocr on a clinocr-bench sample", () => {
  it("reads faxes (turned, skewed, standard resolution), scans and images on both paths", async () => {
    const only = await pickSample(corpus.dir);
    const lines: string[] = [];
    const summary = await runOcrEval({ corpus: corpus.dir, only, runs: 1, log: (line) => lines.push(line) });
    console.log(JSON.stringify({ byKind: summary.byKind, fax: summary.fax, pagesPerMinute: summary.pagesPerMinute, seconds: summary.seconds }));
    expect(summary.documents).toBe(6);
    expect(summary.fax?.turnedPages).toBeGreaterThanOrEqual(3);
    expect(summary.byKind["scanned-pdf"]?.tesseractJs).toBeGreaterThanOrEqual(0.9);
    expect(summary.byKind.image?.tesseractJs).toBeGreaterThanOrEqual(0.9);
    expect(summary.fax?.recall.tesseractJs).toBeGreaterThanOrEqual(0.85);
    expect(summary.fax?.turnedPageMinPrecision.tesseractJs).toBeGreaterThanOrEqual(0.5);
    if (summary.nativeInstalled) {
      const { recall, turnedPageMinPrecision } = summary.fax!;
      expect(recall.native).toBeGreaterThanOrEqual(recall.plainNativePsm1! - 0.01);
      expect(recall.tesseractJs).toBeGreaterThanOrEqual(recall.plainNativePsm1! - 0.01);
      expect(turnedPageMinPrecision.native).toBeGreaterThanOrEqual(0.5);
    } else if (process.env.CI === "true") {
      throw new Error("native tesseract is required in CI (.ci/run installs tesseract-ocr)");
    }
  }, 240_000);
});
