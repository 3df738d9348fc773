import path from "node:path";
import { readOcrCorpus } from "../eval/ocr-corpus";
import { runOcrEval } from "../eval/run-ocr-eval";
import type { Benchmark, BenchmarkOptions, BenchmarkResult } from "./benchmarks";

/**
 * `bench ocr`: pages per minute of the tesseract.js worker pool and of native tesseract, each on all
 * cores, over the committed clinocr-mini corpus (every page rasterised as the pipeline does). The
 * engines' runs are interleaved and the median counts (tests/eval/run-ocr-eval.ts). `ms` is the
 * tesseract.js wall time for the whole corpus; `--scale N` uses the first N documents.
 */
const corpus = path.join(import.meta.dirname, "../fixtures/clinocr-mini");

export const ocrBenchmark: Benchmark = {
  name: "ocr",
  description: "OCR pages/min, tesseract.js pool vs native tesseract, all cores, clinocr-mini corpus",
  async run({ runs, scale, log }: BenchmarkOptions): Promise<BenchmarkResult> {
    const only = scale ? (await readOcrCorpus(corpus)).documents.slice(0, scale).map((d) => d.id) : undefined;
    const summary = await runOcrEval({ corpus, runs, ...(only ? { only } : {}), log: (line) => log(`  ${line}`) });
    const { tesseractJs, native } = summary.pagesPerMinute;
    return {
      ms: tesseractJs ? Math.round((summary.pages / tesseractJs) * 60_000) : 0,
      pages: summary.pages,
      pagesPerMinute: { tesseractJs, native },
      ratio: summary.ratio,
      cores: summary.cores,
    };
  },
};
