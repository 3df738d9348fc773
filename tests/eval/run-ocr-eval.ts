import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { normalizeExtractedText } from "@/lib/documents/decode-text";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import { defaultExtractionLimits } from "@/lib/documents/extraction-result";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import type { ReusablePreparedImage } from "@/lib/documents/ocr/run-ocr";
import { createTesseractJsProvider } from "@/lib/documents/ocr/providers/tesseract-js";
import { createTesseractNativeProvider, isNativeTesseractAvailable } from "@/lib/documents/ocr/providers/tesseract-native";
import { planPdfPages } from "@/lib/documents/pdf/extract-pdf-pages";
import { preparePageForOcr, readPreparedPage, type PagedKind } from "@/lib/documents/extract-document-pages";
import { encodeGrayPng } from "@/lib/documents/images/encode-gray-png";
import { readImageFrames } from "@/lib/documents/images/extract-image-pages";
import { createSemaphore } from "@/lib/documents/ocr/create-semaphore";
import { sniffContentType } from "@/lib/documents/sniff-content-type";
import { compareWordRecall, compareWords, sumWordComparisons, type WordComparison } from "@/lib/documents/word-accuracy";
import { readOcrCorpus, type OcrCorpusDocument } from "./ocr-corpus";
import { startPlainTesseract } from "./plain-tesseract-baseline";

/**
 * The eval:ocr measurement. Three questions over one corpus:
 * 1. Text layer: word accuracy of the PDF text layer on the pages that have one, and whether the
 *    pipeline (extractDocumentText) ever OCRs such a page (it must not).
 * 2. OCR: every page without a text layer (scanned PDFs, images, each frame of a fax TIFF) read by
 *    each engine through the product's own page reader (readPageWithOcr: straightening included);
 *    order-insensitive word recall per kind (text-pdf, scanned-pdf, image, fax: rows with a
 *    `degradation`), the worst documents, and on faxes plain `tesseract --psm 1` beside it.
 *    Text-PDF pages are not OCR'd: their text layer is what the product reads, and their page images
 *    are the corpus's `image` kind.
 * 3. Speed: pages per minute of the tesseract.js worker pool and of native tesseract, each on all
 *    cores (a worker per core; a single-threaded process per core), measured in this run with the
 *    runs interleaved (js, native, js, native, …) so that load from other processes falls on both
 *    alike; the median run counts. Each page is cut and straightened once (the product's own
 *    preparePageForOcr) and that image read by both engines; a provider's pages/min is over the
 *    preparation time plus its reading time, as if it had prepared every page itself, one after the
 *    other (the product overlaps the two, so this errs low). CPU seconds (own process and worker
 *    threads, plus tesseract child processes) are reported beside, as load from other processes
 *    stretches wall time.
 */
export type OcrKindFigures = { documents: number; pages: number; textLayer: number | null; tesseractJs: number | null; native: number | null };
export type WorstDocument = { id: string; kind: string; recall: number };
export type OcrEvalSummary = {
  documents: number;
  pages: number;
  wordAccuracy: { textLayer: number | null; tesseractJs: number | null; native: number | null };
  /** Order-insensitive word recall of text layers (HARNESS.md), and of poppler's pdftotext on the same files when installed. */
  wordRecall: { textLayer: number | null; pdftotext: number | null };
  pagesPerMinute: { tesseractJs: number | null; native: number | null };
  /** tesseract.js ÷ native pages/min; null when native tesseract is not installed. */
  ratio: number | null;
  /** Order-insensitive word recall per kind of document (text-pdf: its text layer; others: OCR). */
  byKind: Record<string, OcrKindFigures>;
  /** Faxes: recall per path beside plain `tesseract --psm 1` on the same files in this run, and the
   * lowest word precision of a page the degradation says was turned (a misread page scores near 0). */
  fax: {
    documents: number;
    pages: number;
    recall: { tesseractJs: number | null; native: number | null; plainNativePsm1: number | null };
    turnedPages: number;
    turnedPageMinPrecision: { tesseractJs: number | null; native: number | null; plainNativePsm1: number | null };
  } | null;
  /** The five documents each engine read worst (recall). */
  worst: { tesseractJs: WorstDocument[]; native: WorstDocument[] };
  /** Wall-clock seconds of the whole evaluation. */
  seconds: number;
  /** Where the time went (wall seconds) and the CPU it took; cpu is null where /proc is unavailable. */
  timing: {
    textLayerSeconds: number;
    /** Cutting and straightening every OCR page once, shared by both engines (its CPU: this process only). */
    prepareSeconds: number;
    /** Reading the prepared pages, per engine (median run). */
    readSeconds: { tesseractJs: number | null; native: number | null };
    /** When the plain-tesseract reference had finished, from its start (it overlaps the text-layer check and preparation). */
    plainTesseractSeconds: number | null;
    cpuSeconds: { prepare: number | null; tesseractJs: number | null; native: number | null; total: number | null };
    /** How the engines ran: each on all cores, one after the other. */
    parallel: string;
  };
  /** Engine-only throughput (prepared pages; median run), and pages per CPU-minute of reading (load-independent). */
  readPagesPerMinute: { tesseractJs: number | null; native: number | null };
  pagesPerCpuMinute: { tesseractJs: number | null; native: number | null };
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

type OcrPage = { document: OcrCorpusDocument; kind: PagedKind; page: number; bytes: Uint8Array };

const docKind = (document: OcrCorpusDocument) => (document.degradation ? "fax" : document.kind);

/** The pages the product would OCR: PDF pages without a text layer, every image and fax frame. */
function listOcrPages(documents: OcrCorpusDocument[], bytesById: Map<string, Uint8Array>, pageCounts: Map<string, number>): OcrPage[] {
  const pages: OcrPage[] = [];
  for (const document of documents) {
    const bytes = bytesById.get(document.id)!;
    const sniffed = sniffContentType(bytes);
    if (sniffed === "png" || sniffed === "jpeg" || sniffed === "tiff") {
      const frames = readImageFrames(bytes, sniffed, defaultExtractionLimits);
      pageCounts.set(document.id, frames.length);
      frames.forEach((_, i) => pages.push({ document, kind: sniffed, page: i + 1, bytes }));
      continue;
    }
    for (let page = 1; page <= (pageCounts.get(document.id) ?? 0); page++) {
      if (!document.textLayerPages.has(page)) pages.push({ document, kind: "pdf", page, bytes });
    }
  }
  return pages;
}

/** CPU milliseconds of this process (all threads) and of its finished child processes; children null without /proc. */
function cpuNow(): { own: number; children: number | null } {
  const own = process.cpuUsage();
  let children: number | null = null;
  try {
    // /proc/self/stat fields 16–17: cutime, cstime in clock ticks (100 per second on Linux).
    const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1]?.split(" ") ?? [];
    const ticks = Number(fields[13]) + Number(fields[14]);
    children = Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    children = null;
  }
  return { own: (own.user + own.system) / 1000, children };
}
function cpuSince(start: ReturnType<typeof cpuNow>, options: { children: boolean } = { children: true }): number | null {
  const end = cpuNow();
  if (!options.children) return end.own - start.own;
  return start.children === null || end.children === null ? null : end.own - start.own + (end.children - start.children);
}

type PreparedPage = { prepared: ReusablePreparedImage; label: string; page: number };

/**
 * Every OCR page cut and straightened once, for both engines. Only the engine-ready image is kept
 * (~200 KB a page); the turned-over copy, needed for the rare page read upside down, is rebuilt then.
 */
async function prepareAll(pages: OcrPage[], cores: number): Promise<(PreparedPage | null)[]> {
  const semaphore = createSemaphore(cores);
  return Promise.all(
    pages.map((p) =>
      semaphore.run(async () => {
        try {
          const { prepared, label } = await preparePageForOcr(p.bytes, p.kind, p.page);
          const turnedOver = prepared.turnedOver
            ? async () => (await preparePageForOcr(p.bytes, p.kind, p.page)).prepared.turnedOver!()
            : null;
          return { prepared: { image: prepared.image, dpi: prepared.dpi, turnedOver }, label, page: p.page };
        } catch {
          return null;
        }
      }),
    ),
  );
}

/** Every prepared page read by one engine, a few at a time so the engine's workers stay busy. */
async function readAll(engine: OcrProvider, pages: (PreparedPage | null)[], cores: number) {
  const started = performance.now();
  const cpu = cpuNow();
  const semaphore = createSemaphore(cores + 1);
  const texts = await Promise.all(
    pages.map((p) =>
      p === null
        ? Promise.resolve("")
        : semaphore.run(() =>
            readPreparedPage(p, p.page, { ocr: engine }).then(
              (r) => r.text,
              () => "",
            ),
          ),
    ),
  );
  return { texts, ms: performance.now() - started, cpuMs: cpuSince(cpu) };
}

/** Page texts grouped per document, in page order. */
function textsByDocument(pages: OcrPage[], texts: string[]) {
  const out = new Map<string, { page: number; text: string }[]>();
  pages.forEach((p, i) => out.set(p.document.id, [...(out.get(p.document.id) ?? []), { page: p.page, text: texts[i] ?? "" }]));
  for (const list of out.values()) list.sort((a, b) => a.page - b.page);
  return out;
}

/** The truth of just the pages read when the truth has page breaks (a mixed PDF's scanned page), else all of it. */
function truthOfPages(document: OcrCorpusDocument, pages: { page: number }[], pageCount: number): string {
  const truth = truthFor(document, pageCount);
  return truth && pages.length > 0 ? pages.map((p) => truth[p.page - 1] ?? "").join("\n") : document.truthPages.join("\n");
}

function orderedAccuracy(documents: OcrCorpusDocument[], byDoc: Map<string, { page: number; text: string }[]>, pageCounts: Map<string, number>): number | null {
  const comparisons = documents.flatMap((document) => {
    const pages = byDoc.get(document.id);
    if (!pages) return [];
    const truth = truthFor(document, pageCounts.get(document.id) ?? pages.length);
    if (truth) return [sumWordComparisons(pages.map((p) => compareWords(truth[p.page - 1] ?? "", p.text)))];
    return [compareWords(document.truthPages.join("\n"), pages.map((p) => p.text).join("\n"))];
  });
  return comparisons.length > 0 ? sumWordComparisons(comparisons).accuracy : null;
}

function recallOf(document: OcrCorpusDocument, pages: { page: number; text: string }[], pageCount: number): WordComparison {
  return compareWordRecall(truthOfPages(document, pages, pageCount), pages.map((p) => p.text).join("\n"));
}

/** Documents as scored: image rows (not faxes) with the same truth are the pages of one document. */
function scoringUnits(documents: OcrCorpusDocument[]): OcrCorpusDocument[][] {
  const groups = new Map<string, OcrCorpusDocument[]>();
  for (const document of documents) {
    const key = docKind(document) === "image" ? `image\u0000${document.truthPages.join("\f")}` : `id\u0000${document.id}`;
    groups.set(key, [...(groups.get(key) ?? []), document]);
  }
  return [...groups.values()];
}

/** Share of a page's words (3+ letters or digits) found in its document's truth: near 0 for a misread page. */
function pagePrecision(truth: string, text: string): number {
  const words = (value: string) => value.toLowerCase().match(/[a-z0-9]{3,}/g) ?? [];
  const known = new Set(words(truth));
  const read = words(text);
  return read.length === 0 ? 0 : read.filter((w) => known.has(w)).length / read.length;
}

/** 1-based pages the degradation column says were turned ("p2: skew 1.0 deg, turned 90"). */
function turnedPages(degradation: string): number[] {
  return [...degradation.matchAll(/p(\d+):[^;]*turned/g)].map((m) => Number(m[1]));
}

const pooled = (list: WordComparison[]) => (list.length > 0 ? round(sumWordComparisons(list).accuracy, 3) : null);
const minOf = (values: number[]) => (values.length > 0 ? round(Math.min(...values), 3) : null);
type EngineKey = "tesseractJs" | "native";

export async function runOcrEval(options: OcrEvalOptions): Promise<OcrEvalSummary> {
  const started = performance.now();
  const startCpu = cpuNow();
  const log = options.log ?? (() => {});
  const runs = Math.max(1, options.runs ?? 1);
  const cores = availableParallelism();
  const corpus = await readOcrCorpus(options.corpus, options.only);
  const bytesById = new Map<string, Uint8Array>();
  for (const document of corpus.documents) bytesById.set(document.id, new Uint8Array(await readFile(document.file)));
  log(`corpus ${corpus.dir}: ${corpus.documents.length} documents; ${cores} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const nativeInstalled = await isNativeTesseractAvailable(options.nativeBinary);
  if (!nativeInstalled) log("native tesseract is not installed: native figures and the ratio are null");
  const faxes = corpus.documents.filter((d) => d.degradation);
  // The plain-tesseract reference is scored, not timed: one process at a time, it runs on the core the
  // text-layer check and the page preparation (both single-threaded) leave idle, takes every core
  // once they are done, and is awaited before the engines are timed.
  const plainStarted = performance.now();
  const plainRun = !options.skipOcr && nativeInstalled && faxes.length > 0 ? startPlainTesseract(faxes.map((d) => ({ id: d.id, file: d.file })), 1, options.nativeBinary) : null;
  const plainDone = plainRun?.done.then((result) => ({ result, ms: performance.now() - plainStarted })) ?? null;

  const finishPlain = async () => {
    if (!plainRun || !plainDone) return { plain: null, plainMs: null };
    plainRun.widen(cores - 1);
    const done = await plainDone;
    log(`  plain tesseract --psm 1 on ${faxes.length} faxes (one process beside the text-layer check and preparation, then ${cores}): done after ${Math.round(done.ms)} ms`);
    return { plain: done.result, plainMs: done.ms };
  };

  const textLayerStarted = performance.now();
  const textLayer = await checkTextLayer(corpus.documents, bytesById, log);
  const textLayerSeconds = (performance.now() - textLayerStarted) / 1000;
  log(`text layer: word accuracy ${textLayer.textLayer ?? "n/a"}, word recall ${textLayer.recall ?? "n/a"} (pdftotext ${textLayer.pdftotextRecall ?? "not installed"}), text-layer pages OCR'd: ${textLayer.textLayerPagesOcrd}`);
  const ocrPages = listOcrPages(corpus.documents, bytesById, textLayer.pageCounts);
  const pages = [...textLayer.pageCounts.values()].reduce((a, b) => a + b, 0);

  const accuracy = { tesseractJs: null as number | null, native: null as number | null };
  const perMinute = { tesseractJs: [] as number[], native: [] as number[] };
  const readMs = { tesseractJs: [] as number[], native: [] as number[] };
  const readCpuMs = { tesseractJs: [] as (number | null)[], native: [] as (number | null)[] };
  let prepareMs = 0;
  let prepareCpuMs: number | null = null;
  let plainMs: number | null = null;
  const texts = new Map<EngineKey, Map<string, { page: number; text: string }[]>>();
  let plain: Map<string, string[]> | null = null;
  if (!options.skipOcr && ocrPages.length > 0) {
    log(`OCR: ${ocrPages.length} pages without a text layer, through the product's page reader`);
    const prepareStarted = performance.now();
    const prepareCpu = cpuNow();
    const prepared = await prepareAll(ocrPages, cores);
    prepareMs = performance.now() - prepareStarted;
    prepareCpuMs = cpuSince(prepareCpu, { children: false });
    log(`  pages cut and straightened once for both engines: ${Math.round(prepareMs)} ms (${prepared.filter((p) => p === null).length} unreadable)`);
    const engines: { key: EngineKey; engine: OcrProvider }[] = [
      { key: "tesseractJs", engine: createTesseractJsProvider({ poolSize: cores }) },
      ...(nativeInstalled ? [{ key: "native" as const, engine: createTesseractNativeProvider({ concurrency: cores, ...(options.nativeBinary ? { binaryPath: options.nativeBinary } : {}) }) }] : []),
    ];
    ({ plain, plainMs } = await finishPlain());
    try {
      // Untimed warm-up on a tiny blank image, one per worker: starts every tesseract.js worker and
      // pages the traineddata in for both engines without reading real pages twice. The first real
      // page per tesseract.js worker then costs ~20% more CPU (2.9 s vs 2.4 s, the WebAssembly still
      // tiering up): about a second over the timed run, against ~5 s for warming up on real pages.
      const blank = encodeGrayPng({ width: 64, height: 32, gray: new Uint8Array(64 * 32).fill(255), xDpi: 200, yDpi: 200 });
      for (const { engine } of engines) await Promise.all(Array.from({ length: cores }, () => engine.recognize(blank).catch(() => null)));
      for (let run = 1; run <= runs; run++) {
        for (const { key, engine } of engines) {
          const result = await readAll(engine, prepared, cores);
          if (run === 1) {
            texts.set(key, textsByDocument(ocrPages, result.texts));
            accuracy[key] = orderedAccuracy(corpus.documents, texts.get(key)!, textLayer.pageCounts);
          }
          readMs[key].push(result.ms);
          readCpuMs[key].push(result.cpuMs);
          perMinute[key].push((ocrPages.length / (prepareMs + result.ms)) * 60_000);
          log(`  run ${run}/${runs} ${key}: ${Math.round(result.ms)} ms reading + ${Math.round(prepareMs)} ms preparing, ${((ocrPages.length / (prepareMs + result.ms)) * 60_000).toFixed(1)} pages/min (load ${(loadavg()[0] ?? 0).toFixed(2)})`);
        }
      }
    } finally {
      await Promise.all(engines.map(({ engine }) => engine.close()));
    }
  }

  // Only when there was nothing to OCR (then no fax either): the reference is still awaited, never left running.
  if (plainRun && plainMs === null) ({ plain, plainMs } = await finishPlain());

  const byKind: Record<string, OcrKindFigures> = {};
  const worst: OcrEvalSummary["worst"] = { tesseractJs: [], native: [] };
  // Page images cut from one document share its (unpaged) truth: they are scored together, as that document.
  const units = scoringUnits(corpus.documents);
  const unitRecall = (unit: OcrCorpusDocument[], byDoc: Map<string, { page: number; text: string }[]>) =>
    unit.length === 1
      ? recallOf(unit[0]!, byDoc.get(unit[0]!.id)!, textLayer.pageCounts.get(unit[0]!.id) ?? 0)
      : compareWordRecall(unit[0]!.truthPages.join("\n"), unit.flatMap((d) => byDoc.get(d.id) ?? []).map((p) => p.text).join("\n"));
  for (const kind of [...new Set(corpus.documents.map(docKind))]) {
    const docs = corpus.documents.filter((d) => docKind(d) === kind);
    const figures: OcrKindFigures = { documents: docs.length, pages: docs.reduce((sum, d) => sum + (textLayer.pageCounts.get(d.id) ?? 0), 0), textLayer: null, tesseractJs: null, native: null };
    if (kind === "text-pdf") figures.textLayer = textLayer.recall === null ? null : round(textLayer.recall, 3);
    for (const key of ["tesseractJs", "native"] as const) {
      const byDoc = texts.get(key);
      if (!byDoc) continue;
      const recalls = units.filter((u) => docKind(u[0]!) === kind && u.every((d) => byDoc.has(d.id))).map((u) => unitRecall(u, byDoc));
      figures[key] = pooled(recalls);
    }
    byKind[kind] = figures;
  }
  for (const key of ["tesseractJs", "native"] as const) {
    const byDoc = texts.get(key);
    if (!byDoc) continue;
    const all = units
      .filter((u) => u.every((d) => byDoc.has(d.id)))
      .map((u) => ({ id: u.map((d) => d.id).join("+"), kind: docKind(u[0]!), recall: round(unitRecall(u, byDoc).accuracy, 3) }));
    worst[key] = all.sort((a, b) => a.recall - b.recall).slice(0, 5);
  }

  let fax: OcrEvalSummary["fax"] = null;
  if (faxes.length > 0 && texts.size > 0) {
    const turned = faxes.flatMap((d) => turnedPages(d.degradation).map((page) => ({ document: d, page })));
    const pageText = (key: EngineKey | "plain", id: string, page: number) =>
      key === "plain" ? (plain?.get(id)?.[page - 1] ?? "") : (texts.get(key)?.get(id)?.find((p) => p.page === page)?.text ?? "");
    const minPrecision = (key: EngineKey | "plain") =>
      (key === "plain" ? plain : texts.get(key)) ? minOf(turned.map(({ document, page }) => pagePrecision(document.truthPages.join("\n"), pageText(key, document.id, page)))) : null;
    const recall = (key: EngineKey) => (texts.get(key) ? pooled(faxes.map((d) => recallOf(d, texts.get(key)!.get(d.id) ?? [], textLayer.pageCounts.get(d.id) ?? 0))) : null);
    fax = {
      documents: faxes.length,
      pages: faxes.reduce((sum, d) => sum + (textLayer.pageCounts.get(d.id) ?? 0), 0),
      recall: {
        tesseractJs: recall("tesseractJs"),
        native: recall("native"),
        plainNativePsm1: plain ? pooled(faxes.map((d) => recallOf(d, (plain!.get(d.id) ?? []).map((text, i) => ({ page: i + 1, text })), textLayer.pageCounts.get(d.id) ?? 0))) : null,
      },
      turnedPages: turned.length,
      turnedPageMinPrecision: { tesseractJs: minPrecision("tesseractJs"), native: minPrecision("native"), plainNativePsm1: minPrecision("plain") },
    };
  }

  const js = perMinute.tesseractJs.length > 0 ? round(median(perMinute.tesseractJs), 1) : null;
  const native = perMinute.native.length > 0 ? round(median(perMinute.native), 1) : null;
  const ratio = js !== null && native !== null && native > 0 ? round(js / native, 2) : null;
  const seconds = (ms: number) => round(ms / 1000, 1);
  const medianOrNull = (values: readonly number[]) => (values.length > 0 ? median(values) : null);
  const medianCpu = (values: readonly (number | null)[]) => (values.length > 0 && values.every((v) => v !== null) ? median(values as number[]) : null);
  const readSeconds = (key: EngineKey) => { const ms = medianOrNull(readMs[key]); return ms === null ? null : seconds(ms); };
  const readPerMinute = (key: EngineKey) => { const ms = medianOrNull(readMs[key]); return ms === null ? null : round((ocrPages.length / ms) * 60_000, 1); };
  const perCpuMinute = (key: EngineKey) => { const ms = medianCpu(readCpuMs[key]); return ms === null || ms === 0 ? null : round((ocrPages.length / ms) * 60_000, 1); };
  const cpuSeconds = (ms: number | null) => (ms === null ? null : seconds(ms));
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
    byKind,
    fax,
    worst,
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
    seconds: Math.round((performance.now() - started) / 1000),
    timing: {
      textLayerSeconds: round(textLayerSeconds, 1),
      prepareSeconds: seconds(prepareMs),
      readSeconds: { tesseractJs: readSeconds("tesseractJs"), native: readSeconds("native") },
      plainTesseractSeconds: plainMs === null ? null : seconds(plainMs),
      cpuSeconds: {
        prepare: cpuSeconds(prepareCpuMs),
        tesseractJs: cpuSeconds(medianCpu(readCpuMs.tesseractJs)),
        native: cpuSeconds(medianCpu(readCpuMs.native)),
        total: cpuSeconds(cpuSince(startCpu)),
      },
      parallel: `each engine alone on all ${cores} cores (tesseract.js: ${cores} workers; native: ${cores} single-threaded processes, OMP_THREAD_LIMIT=1); pages prepared once for both; plain tesseract (untimed) on one core beside the text-layer check and preparation, then on all`,
    },
    readPagesPerMinute: { tesseractJs: readPerMinute("tesseractJs"), native: readPerMinute("native") },
    pagesPerCpuMinute: { tesseractJs: perCpuMinute("tesseractJs"), native: perCpuMinute("native") },
  };
  return summary;
}
