import { cpus, loadavg } from "node:os";
import { benchmarks, type BenchmarkResult } from "./benchmarks";

/**
 * `npm run bench -- [NAME…] [--json] [--runs N] [--scale N] [--patients N] [--faults SPEC] [--seed DIR]`. Progress goes to stderr; with --json
 * the last stdout line is one JSON object with one key per benchmark run (INTERFACES.md). No NAME
 * runs every registered benchmark.
 */
function parseArgs(argv: readonly string[]) {
  const names: string[] = [];
  let json = false;
  let runs: number | null = null;
  let scale: number | null = null;
  let patients: number | null = null;
  let faults: string | null = null;
  let seed: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--json") json = true;
    else if (arg === "--runs" || arg === "--scale" || arg === "--patients") {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive whole number`);
      if (arg === "--runs") runs = value;
      else if (arg === "--scale") scale = value;
      else patients = value;
    } else if (arg === "--faults" || arg === "--seed") {
      const value = argv[++i];
      if (!value || value.startsWith("--")) throw new Error(`${arg} needs a value`);
      if (arg === "--faults") faults = value;
      else seed = value;
    } else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
    else names.push(arg);
  }
  return { names, json, runs, scale, patients, faults, seed };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const known = new Set(benchmarks.map((b) => b.name));
  const unknown = args.names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark ${unknown.join(", ")}; known: ${[...known].join(", ")}\n`);
    return 2;
  }
  const selected = args.names.length === 0 ? benchmarks : benchmarks.filter((b) => args.names.includes(b.name));
  const log = (line: string) => process.stderr.write(`${line}\n`);
  log(`node ${process.version}, ${cpus().length} cpus, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const results: Record<string, BenchmarkResult> = {};
  for (const benchmark of selected) {
    log(`${benchmark.name}: ${benchmark.description}`);
    // A benchmark whose run is long (a whole clinic day) asks for fewer runs by default.
    const runs = args.runs ?? benchmark.defaultRuns ?? 5;
    const result = await benchmark.run({ runs, scale: args.scale, log, patients: args.patients, faults: args.faults, seed: args.seed });
    // Load is recorded per benchmark because the machine may be shared and medians only go so far.
    results[benchmark.key ?? benchmark.name] = { ...result, load1: Math.round((loadavg()[0] ?? 0) * 100) / 100 };
    log(`${benchmark.name}: ${result.ms} ms (median of ${runs})`);
  }
  if (args.json) process.stdout.write(`${JSON.stringify(results)}\n`);
  else for (const [name, result] of Object.entries(results)) process.stdout.write(`${name}: ${JSON.stringify(result)}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
