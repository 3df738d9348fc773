import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * Times a workload: one untimed warm-up (JIT, lazily compiled caches), then `runs` timed runs on
 * fresh input, reporting the median so a noisy neighbour on a shared machine moves it least.
 * Heap delta is what stays reachable after a run and a full GC (input kept alive on both sides), so
 * it shows memory an engine retains in caches rather than transient garbage.
 */
export type RunStats = { ms: number; runsMs: number[]; cpuMs: number; runsCpuMs: number[]; heapDeltaMb: number };

// Benchmarks run under plain `tsx`, so gc is exposed here rather than through a node flag.
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

export async function measureRuns<Input>(options: {
  runs: number;
  prepare: () => Input;
  run: (input: Input) => void;
  /** The untimed first pass; defaults to `run`. A benchmark may check or digest its output here. */
  warmUp?: (input: Input) => void;
  log: (line: string) => void;
}): Promise<RunStats> {
  const { runs, prepare, run, log } = options;
  (options.warmUp ?? run)(prepare());
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  const heapDeltas: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = prepare();
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    run(input);
    const ms = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    // CPU time of this process (GC threads included): steadier than wall time on a shared machine.
    cpuMs.push(Math.round((cpu.user + cpu.system) / 1000));
    collectGarbage();
    heapDeltas.push(process.memoryUsage().heapUsed - heapBefore);
    runsMs.push(Math.round(ms));
    log(`  run ${i + 1}/${runs}: ${Math.round(ms)} ms wall, ${cpuMs.at(-1)} ms cpu`);
    // Let stderr flush between long runs.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { ms: median(runsMs), runsMs, cpuMs: median(cpuMs), runsCpuMs: cpuMs, heapDeltaMb: Math.round(median(heapDeltas) / 1e5) / 10 };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}
