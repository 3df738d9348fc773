import { runEcqmEval } from "./run-ecqm-eval";

/**
 * `npm run eval:ecqm -- --corpus DIR [--json]` (INTERFACES.md). Progress goes to stderr; with --json
 * the last stdout line is one JSON object `{ measures, overall, numBoundary, failures }` (plus
 * `skipped`, the measures the product does not implement). Exit code 2 on bad usage, else 0: the
 * goals are asserted by the tests that run this, not by the command.
 */
function parseArgs(argv: readonly string[]) {
  let corpus: string | undefined;
  let json = false;
  const measures: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--corpus") corpus = argv[++i];
    else if (arg === "--measure") measures.push(...(argv[++i] ?? "").split(",").filter(Boolean));
    else throw new Error(`unknown option ${arg}`);
  }
  if (!corpus) throw new Error("--corpus DIR is required (a folder with measures/ and tests/<measure>/<case>/)");
  return { corpus, json, measures };
}

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`eval:ecqm: ${(error as Error).message}\nusage: npm run eval:ecqm -- --corpus DIR [--measure CMS130[,CMS125]] [--json]\n`);
    return 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const summary = await runEcqmEval({ corpus: args.corpus, log, measures: args.measures });
  if (args.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else for (const f of summary.failures) process.stdout.write(`FAIL ${f.measure} ${f.case}: expected ${JSON.stringify(f.groups?.expected ?? f.expected)} got ${JSON.stringify(f.groups?.actual ?? f.actual)} — ${f.reason}\n`);
  return 0;
}

process.exitCode = await main();
