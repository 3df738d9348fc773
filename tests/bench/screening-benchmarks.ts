import { createHash } from "node:crypto";
import {
  evaluateScreenings, patientFactsSchema, screeningPresetSchema, uspstfAdultPrimaryCarePreset, type PatientFacts,
  type ScreeningType,
} from "@/lib/screening";
import type { Benchmark, BenchmarkOptions, BenchmarkResult } from "./benchmarks";
import { generateSyntheticPatients } from "./generate-synthetic-patients";
import { measureRuns } from "./measure-runs";

/**
 * Issue 7's target: 30 screening types × 10,000 patients × ~50 evidence items in ≤ 1 s on one core.
 * Each timed run evaluates freshly generated patients, so nothing cached on a patient's objects by a
 * previous run can help, as in production where each patient is screened once per job.
 */
const asOf = "2025-06-30";
const typeCount = 30;
const defaultPatients = 10_000;
/** Issue 7's goal for one run of the full workload (30 types × 10,000 patients) on one core. */
const goalMs = 1_000;

/**
 * The USPSTF preset has fewer than 30 types; clinics add their own variants, so the list is padded
 * with such variants (other key, narrower age band, shorter interval, same evidence and family).
 */
export function buildBenchmarkTypes(): ScreeningType[] {
  const preset = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;
  const types = [...preset];
  for (let i = 0; types.length < typeCount; i++) {
    const base = preset[i % preset.length] as ScreeningType;
    const minAge = base.eligibility.minAge === null ? null : Math.min(base.eligibility.minAge + 5, base.eligibility.maxAge ?? 150);
    types.push({
      ...base,
      key: `${base.key}-clinic-${Math.floor(i / preset.length) + 1}`,
      name: `${base.name} (clinic variant)`,
      family: base.family ? { id: base.family.id, rank: base.family.rank + 1 } : null,
      eligibility: { ...base.eligibility, minAge },
      frequency: base.frequency.kind === "interval" ? { ...base.frequency, value: base.frequency.value / 2 } : base.frequency,
    });
  }
  return types;
}

/** `goal`: whether this is the workload (3 documents), which the goal line is about. */
function createScreeningBenchmark(name: string, documentsPerPatient: number, description: string, goal: boolean): Benchmark {
  return {
    name,
    description,
    async run({ runs, scale, log }: BenchmarkOptions): Promise<BenchmarkResult> {
      const patients = scale ?? defaultPatients;
      const types = buildBenchmarkTypes();
      // Same seed every run: identical content, fresh objects.
      const prepare = () => generateSyntheticPatients({ count: patients, seed: 7, documentsPerPatient, asOf });
      const sample = prepare().slice(0, 50);
      for (const facts of sample) patientFactsSchema.parse(facts);
      const statuses: Record<string, number> = {};
      let digest = "";
      const stats = await measureRuns<PatientFacts[]>({
        runs,
        log,
        prepare,
        warmUp: (input) => {
          // The results digest lets two engine versions be compared for identical output.
          const hash = createHash("sha256");
          for (const facts of input) {
            const results = evaluateScreenings(facts, types, { asOf });
            for (const r of results) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
            hash.update(JSON.stringify(results));
          }
          digest = hash.digest("hex").slice(0, 16);
          log(`  warm-up done; results digest ${digest}`);
        },
        run: (input) => {
          let count = 0;
          for (const facts of input) count += evaluateScreenings(facts, types, { asOf }).length;
          if (count !== input.length * types.length) throw new Error("unexpected result count");
        },
      });
      log(`  ${name}: ${stats.cpuMs} ms cpu (median; runs ${stats.runsCpuMs.join(", ")}), ${stats.ms} ms wall`);
      // CPU time is the engine's own work; wall time also counts other processes' turns on a busy machine.
      // The goal is for the workload; the 10-document variant is a heavier load for comparison.
      if (goal && patients === defaultPatients) {
        log(`  goal ≤ ${goalMs} ms: cpu ${stats.cpuMs} ms ${stats.cpuMs <= goalMs ? "meets it" : "misses it"}, wall ${stats.ms} ms ${stats.ms <= goalMs ? "meets it" : "misses it"}`);
      }
      return {
        patients,
        types: types.length,
        ms: stats.ms,
        runsMs: stats.runsMs,
        // CPU time of the timed section: the figure to compare on a shared machine, where wall time
        // counts other processes' turns on the cores.
        cpuMs: stats.cpuMs,
        runsCpuMs: stats.runsCpuMs,
        goalMs: goal ? goalMs : null,
        patientsPerSecond: Math.round((patients / stats.ms) * 1000),
        heapDeltaMb: stats.heapDeltaMb,
        evidenceItemsPerPatient: 50,
        documentsPerPatient,
        statuses,
        resultsDigest: digest,
      };
    },
  };
}

export const screeningBenchmarks: readonly Benchmark[] = [
  createScreeningBenchmark("screening", 3, "30 types × 10,000 patients × 50 evidence items (3 documents each)", true),
  createScreeningBenchmark("screening-documents", 10, "30 types × 10,000 patients × 50 evidence items (10 documents each)", false),
];
