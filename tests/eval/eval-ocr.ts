import { runOcrEval } from "./run-ocr-eval";

/**
 * `npm run eval:ocr -- --corpus DIR [--json] [--runs N] [--only ID,ID]` (INTERFACES.md).
 * Progress goes to stderr; with --json the last stdout line is one JSON object:
 * `{ documents, pages, wordAccuracy: { textLayer, tesseractJs, native }, pagesPerMinute:
 * { tesseractJs, native }, ratio, byKind, fax, worst, timing, readPagesPerMinute, pagesPerCpuMinute, … }`. Throughput goals are reported, not enforced; the exit code
 * is 1 only when a page with a text layer was OCR'd (a correctness invariant), 2 on bad usage.
 */
function parseArgs(argv: readonly string[]) {
  let corpus: string | undefined;
  let json = false;
  let runs = 1;
  let only: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--corpus") corpus = argv[++i];
    else if (arg === "--runs") {
      runs = Number(argv[++i]);
      if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs needs a positive whole number");
    } else if (arg === "--only") only = (argv[++i] ?? "").split(",").filter(Boolean);
    else throw new Error(`unknown option ${arg}`);
  }
  if (!corpus) throw new Error("--corpus DIR is required (a folder with documents.csv and ground_truth/)");
  return { corpus, json, runs, only };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`eval:ocr: ${(error as Error).message}\nusage: npm run eval:ocr -- --corpus DIR [--json] [--runs N] [--only ID,ID]\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const summary = await runOcrEval({ corpus: args.corpus, runs: args.runs, ...(args.only ? { only: args.only } : {}), log });
  const { wordAccuracy: acc, pagesPerMinute: ppm } = summary;
  const out = args.json ? log : (line: string) => process.stdout.write(`${line}\n`);
  out(`documents ${summary.documents}, pages ${summary.pages} (${summary.cores} cores, load average ${summary.load1})`);
  out(`word accuracy: text layer ${acc.textLayer ?? "n/a"}, tesseract.js ${acc.tesseractJs ?? "n/a"}, native ${acc.native ?? "n/a"}`);
  out(`pages/min (median of ${summary.runs}; preparing + reading): tesseract.js ${ppm.tesseractJs ?? "n/a"}, native ${ppm.native ?? "n/a"}`);
  for (const [kind, k] of Object.entries(summary.byKind)) {
    out(`  ${kind}: ${k.documents} documents, ${k.pages} pages; word recall ${k.textLayer !== null ? `text layer ${k.textLayer}` : `tesseract.js ${k.tesseractJs ?? "n/a"}, native ${k.native ?? "n/a"}`}`);
  }
  if (summary.fax) {
    const { recall, turnedPageMinPrecision: turned } = summary.fax;
    out(`faxes: recall tesseract.js ${recall.tesseractJs ?? "n/a"}, native ${recall.native ?? "n/a"}, plain tesseract --psm 1 ${recall.plainNativePsm1 ?? "n/a"}; worst of ${summary.fax.turnedPages} turned pages (word precision): ${turned.tesseractJs ?? "n/a"} / ${turned.native ?? "n/a"} / ${turned.plainNativePsm1 ?? "n/a"}`);
  }
  for (const [engine, list] of Object.entries(summary.worst)) {
    if (list.length > 0) out(`worst ${engine}: ${list.map((w) => `${w.id} (${w.kind}) ${w.recall}`).join(", ")}`);
  }
  const { timing: t } = summary;
  out(`took ${summary.seconds} s: text layer ${t.textLayerSeconds} s, pages prepared once ${t.prepareSeconds} s, reading tesseract.js ${t.readSeconds.tesseractJs ?? "n/a"} s / native ${t.readSeconds.native ?? "n/a"} s, plain tesseract ${t.plainTesseractSeconds ?? "n/a"} s; ${t.parallel}`);
  out(`reading only: tesseract.js ${summary.readPagesPerMinute.tesseractJs ?? "n/a"}, native ${summary.readPagesPerMinute.native ?? "n/a"} pages/min; per CPU-minute ${summary.pagesPerCpuMinute.tesseractJs ?? "n/a"} / ${summary.pagesPerCpuMinute.native ?? "n/a"}; CPU ${t.cpuSeconds.total ?? "n/a"} s in all`);
  out(
    summary.nativeInstalled
      ? `ratio tesseract.js ÷ native: ${summary.ratio ?? "n/a"} (goal ≥ 0.6: ${summary.goals.ratioAtLeast06 ? "met" : "not met"}); accuracy within 1 point of native: ${summary.goals.accuracyWithin1Point ? "yes" : "no"}`
      : "ratio: null — native tesseract is not installed, so there is nothing to compare against",
  );
  out(`text-layer pages OCR'd: ${summary.textLayerPagesOcrd} (must be 0)`);
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  return summary.textLayerPagesOcrd === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
