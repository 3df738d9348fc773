import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { normalizeExtractedText } from "@/lib/documents/decode-text";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { defaultExtractionLimits } from "@/lib/documents/extraction-result";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import { createTesseractJsProvider } from "@/lib/documents/ocr/providers/tesseract-js";
import { createTesseractNativeProvider, isNativeTesseractAvailable } from "@/lib/documents/ocr/providers/tesseract-native";
import { planPdfPages } from "@/lib/documents/pdf/extract-pdf-pages";
import { renderPdfPageToPng } from "@/lib/documents/pdf/render-pdf-page";
import { compareWordRecall, compareWords, sumWordComparisons, type WordComparison } from "@/lib/documents/word-accuracy";
import { readOcrCorpus, type OcrCorpusDocument } from "./ocr-corpus";

/**
 * The eval:ocr measurement. Three questions over one corpus:
 * 1. Text layer: word accuracy of the PDF text layer on the pages that have one, and whether the
 *    pipeline (extractDocumentText) ever OCRs such a page (it must not).
 * 2. Forced OCR: every page rasterised (PDF pages rendered at the pipeline's dpi, images as they
 *    are) and read by both engines; word accuracy against the ground truth.
 * 3. Speed: pages per minute of the tesseract.js worker pool and of native tesseract, each on all
 *    cores, measured in this run with the runs interleaved (js, native, js, native, …) so that load
 *    from other processes falls on both alike; the median run counts.
 */
export type OcrEvalSummary = {
  documents: number;
  pages: number;
  wordAccuracy: { textLayer: number | null; tesseractJs: number | null; native: number | null };
  /** Order-insensitive word recall of text layers (HARNESS.md), and of poppler's pdftotext on the same files when installed. */
  wordRecall: { textLayer: number | null; pdftotext: number | null };
  pagesPerMinute: { tesseractJs: number | null; native: number | null };
  /** tesseract.js ÷ native pages/min; null when native tesseract is not installed. */
  ratio: number | null;
  /** Pages with a text layer that the pipeline sent to OCR: must be 0. */
  textLayerPagesOcrd: number;
  nativeInstalled: boolean;
  goals: { ratioAtLeast06: boolean | null; accuracyWithin1Point: boolean | null; textLayerNeverOcrd: boolean };
  runs: number;
  cores: number;
  load1: number;
};

export type OcrEvalOptions = {
  corpus: string;
  /** Timed passes per engine (median reported). */
  runs?: number;
  /** Only these document ids (quick checks and tests). */
  only?: readonly string[];
  /** Skip the engines (text-layer checks only). */
  skipOcr?: boolean;
  log?: (line: string) => void;
  /** Path of the tesseract binary (tests can point it at a missing one). */
  nativeBinary?: string;
};

type PageImage = { documentId: string; page: number; image: Uint8Array; dpi?: number };

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

/** Ground truth aligned to pages when it has page breaks; otherwise one truth for the document. */
function truthFor(document: OcrCorpusDocument, pageCount: number) {
  return document.truthPages.length === pageCount ? document.truthPages : null;
}

/** poppler's pdftotext on the same file, the reference text layers are compared with; null when not installed. */
function readWithPdftotext(file: string): string | null {
  const result = spawnSync("pdftotext", ["-q", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : null;
}

/** An OCR stand-in that records which pages the pipeline asked it to read. */
function createSpyOcr(): OcrProvider & { calls: number } {
  const spy = {
    name: "tesseract-js" as const,
    calls: 0,
    async recognize() {
      spy.calls += 1;
      return { text: "placeholder text from the eval spy", confidence: 0.5 };
    },
    async close() {},
  };
  return spy;
}

async function checkTextLayer(documents: OcrCorpusDocument[], bytesById: Map<string, Uint8Array>, log: (line: string) => void) {
  const comparisons: WordComparison[] = [];
  const recalls: WordComparison[] = [];
  const pdftotextRecalls: WordComparison[] = [];
  let textLayerPagesOcrd = 0;
  const pageCounts = new Map<string, number>();
  for (const document of documents) {
    const bytes = bytesById.get(document.id)!;
    if (document.kind === "image") {
      pageCounts.set(document.id, 1);
      continue;
    }
    const plans = await planPdfPages(bytes, defaultExtractionLimits.maxPages);
    pageCounts.set(document.id, plans.length);
    const truth = truthFor(document, plans.length);
    for (const plan of plans) {
      if (!document.textLayerPages.has(plan.number)) continue;
      if (truth) comparisons.push(compareWords(truth[plan.number - 1] ?? "", normalizeExtractedText(plan.text)));
    }
    if (document.textLayerPages.size === plans.length) {
      const truthText = document.truthPages.join("\n");
      recalls.push(compareWordRecall(truthText, plans.map((p) => p.text).join("\n")));
      const poppler = readWithPdftotext(document.file);
      if (poppler !== null) pdftotextRecalls.push(compareWordRecall(truthText, poppler));
    }
    if (!truth && document.textLayerPages.size === plans.length) {
      comparisons.push(compareWords(document.truthPages.join("\n"), normalizeExtractedText(plans.map((p) => p.text).join("\n"))));
    }
    // The real pipeline, with an engine that only counts: which pages did it OCR?
    const spy = createSpyOcr();
    const result = await extractDocumentText(bytes, { declaredContentType: "application/pdf", ocr: spy });
    const ocrPages = result.ok ? result.pages.filter((p) => p.method === "ocr").map((p) => p.number) : [];
    const wrongly = ocrPages.filter((n) => document.textLayerPages.has(n));
    textLayerPagesOcrd += wrongly.length;
    if (wrongly.length > 0) log(`  ${document.id}: text-layer page(s) ${wrongly.join(", ")} were OCR'd`);
    if (!result.ok) log(`  ${document.id}: extraction failed (${result.reason})`);
  }
  const pooled = (list: WordComparison[]) => (list.length > 0 ? sumWordComparisons(list).accuracy : null);
  return { textLayer: pooled(comparisons), recall: pooled(recalls), pdftotextRecall: pooled(pdftotextRecalls), textLayerPagesOcrd, pageCounts };
}

async function rasterize(documents: OcrCorpusDocument[], bytesById: Map<string, Uint8Array>, pageCounts: Map<string, number>): Promise<PageImage[]> {
  const images: PageImage[] = [];
  const dpi = defaultExtractionLimits.ocrDpi;
  for (const document of documents) {
    const bytes = bytesById.get(document.id)!;
    if (document.kind === "image") {
      images.push({ documentId: document.id, page: 1, image: bytes });
      continue;
    }
    for (let page = 1; page <= (pageCounts.get(document.id) ?? 0); page++) {
      images.push({ documentId: document.id, page, image: await renderPdfPageToPng(bytes, page, { dpi, maxPixels: defaultExtractionLimits.maxPixels }), dpi });
    }
  }
  return images;
}

/** All pages at once: the engine bounds its own concurrency to the cores. Returns texts and wall ms. */
async function readAll(engine: OcrProvider, images: PageImage[]) {
  const started = performance.now();
  const texts = await Promise.all(
    images.map((p) => engine.recognize(p.image, { timeoutMs: defaultExtractionLimits.ocrTimeoutMs, ...(p.dpi ? { dpi: p.dpi } : {}) }).then((r) => r.text)),
  );
  return { texts, ms: performance.now() - started };
}

function accuracyOf(documents: OcrCorpusDocument[], images: PageImage[], texts: string[]): number {
  const comparisons = documents.map((document) => {
    const pages = images.flatMap((p, i) => (p.documentId === document.id ? [{ page: p.page, text: texts[i] ?? "" }] : []));
    const truth = truthFor(document, pages.length);
    if (truth) return sumWordComparisons(pages.map((p) => compareWords(truth[p.page - 1] ?? "", p.text)));
    return compareWords(document.truthPages.join("\n"), pages.map((p) => p.text).join("\n"));
  });
  return sumWordComparisons(comparisons).accuracy;
}

export async function runOcrEval(options: OcrEvalOptions): Promise<OcrEvalSummary> {
  const log = options.log ?? (() => {});
  const runs = Math.max(1, options.runs ?? 3);
  const cores = availableParallelism();
  const corpus = await readOcrCorpus(options.corpus, options.only);
  const bytesById = new Map<string, Uint8Array>();
  for (const document of corpus.documents) bytesById.set(document.id, new Uint8Array(await readFile(document.file)));
  log(`corpus ${corpus.dir}: ${corpus.documents.length} documents; ${cores} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const textLayer = await checkTextLayer(corpus.documents, bytesById, log);
  const pages = [...textLayer.pageCounts.values()].reduce((a, b) => a + b, 0);
  log(`text layer: word accuracy ${textLayer.textLayer ?? "n/a"}, word recall ${textLayer.recall ?? "n/a"} (pdftotext ${textLayer.pdftotextRecall ?? "not installed"}), text-layer pages OCR'd: ${textLayer.textLayerPagesOcrd}`);

  const nativeInstalled = await isNativeTesseractAvailable(options.nativeBinary);
  if (!nativeInstalled) log("native tesseract is not installed: native figures and the ratio are null");
  const accuracy = { tesseractJs: null as number | null, native: null as number | null };
  const perMinute = { tesseractJs: [] as number[], native: [] as number[] };
  if (!options.skipOcr && pages > 0) {
    const images = await rasterize(corpus.documents, bytesById, textLayer.pageCounts);
    log(`rasterised ${images.length} pages at ${defaultExtractionLimits.ocrDpi} dpi (PDF) / native resolution (images)`);
    const engines: { key: "tesseractJs" | "native"; engine: OcrProvider }[] = [
      { key: "tesseractJs", engine: createTesseractJsProvider({ poolSize: cores }) },
      ...(nativeInstalled ? [{ key: "native" as const, engine: createTesseractNativeProvider({ concurrency: cores, ...(options.nativeBinary ? { binaryPath: options.nativeBinary } : {}) }) }] : []),
    ];
    try {
      // Untimed warm-up: starts every tesseract.js worker and pages the traineddata in for both.
      const warm = images.slice(0, cores);
      for (const { engine } of engines) await readAll(engine, warm);
      for (let run = 1; run <= runs; run++) {
        for (const { key, engine } of engines) {
          const { texts, ms } = await readAll(engine, images);
          if (run === 1) accuracy[key] = accuracyOf(corpus.documents, images, texts);
          perMinute[key].push((images.length / ms) * 60_000);
          log(`  run ${run}/${runs} ${key}: ${Math.round(ms)} ms, ${((images.length / ms) * 60_000).toFixed(1)} pages/min (load ${(loadavg()[0] ?? 0).toFixed(2)})`);
        }
      }
    } finally {
      await Promise.all(engines.map(({ engine }) => engine.close()));
    }
  }

  const js = perMinute.tesseractJs.length > 0 ? round(median(perMinute.tesseractJs), 1) : null;
  const native = perMinute.native.length > 0 ? round(median(perMinute.native), 1) : null;
  const ratio = js !== null && native !== null && native > 0 ? round(js / native, 2) : null;
  const summary: OcrEvalSummary = {
    documents: corpus.documents.length,
    pages,
    wordAccuracy: {
      textLayer: textLayer.textLayer === null ? null : round(textLayer.textLayer, 3),
      tesseractJs: accuracy.tesseractJs === null ? null : round(accuracy.tesseractJs, 3),
      native: accuracy.native === null ? null : round(accuracy.native, 3),
    },
    wordRecall: {
      textLayer: textLayer.recall === null ? null : round(textLayer.recall, 3),
      pdftotext: textLayer.pdftotextRecall === null ? null : round(textLayer.pdftotextRecall, 3),
    },
    pagesPerMinute: { tesseractJs: js, native },
    ratio,
    textLayerPagesOcrd: textLayer.textLayerPagesOcrd,
    nativeInstalled,
    goals: {
      ratioAtLeast06: ratio === null ? null : ratio >= 0.6,
      accuracyWithin1Point: accuracy.tesseractJs === null || accuracy.native === null ? null : accuracy.native - accuracy.tesseractJs <= 0.01,
      textLayerNeverOcrd: textLayer.textLayerPagesOcrd === 0,
    },
    runs: options.skipOcr ? 0 : runs,
    cores,
    load1: round(loadavg()[0] ?? 0, 2),
  };
  return summary;
}
