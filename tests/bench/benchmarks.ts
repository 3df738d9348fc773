import { clinicDayBenchmark } from "./clinic-day-benchmark";
import { ocrBenchmark } from "./ocr-benchmarks";
import { sandboxStartupBenchmark } from "./sandbox-startup-benchmark";
import { schedulePageBenchmark, schedulePageSlowEpicBenchmark } from "./schedule-page-benchmark";
import { screeningBenchmarks } from "./screening-benchmarks";

/**
 * The benchmark registry read by run-benchmarks.ts. To add one (`schedule-page`, `ocr`, …), export
 * a Benchmark from its own file and list it here; its `name` is the CLI NAME and the JSON key.
 */
export type BenchmarkOptions = {
  /** Timed runs; the reported figure is their median. */
  runs: number;
  /** Overrides the benchmark's default workload size, for quick local checks. */
  scale: number | null;
  /** Human-readable progress; goes to stderr so stdout stays machine-readable. */
  log: (line: string) => void;
  /** `--patients N`, `--faults SPEC`, `--seed DIR`: workload options of the clinic-day benchmark (null when not given). */
  patients: number | null;
  faults: string | null;
  seed: string | null;
};

/** A JSON-serialisable summary; `ms` is the headline figure. */
export type BenchmarkResult = { ms: number } & Record<string, unknown>;

export type Benchmark = {
  name: string;
  /** The JSON key when it is not the name (INTERFACES.md: `clinic-day` reports as `clinicDay`). */
  key?: string;
  /** Timed runs when `--runs` is not given (default 5). */
  defaultRuns?: number;
  description: string;
  run: (options: BenchmarkOptions) => Promise<BenchmarkResult>;
};

export const benchmarks: readonly Benchmark[] = [...screeningBenchmarks, ocrBenchmark, schedulePageBenchmark, schedulePageSlowEpicBenchmark, sandboxStartupBenchmark, clinicDayBenchmark];
