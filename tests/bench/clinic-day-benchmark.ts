import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { migrationsFolder, openDatabase } from "@/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";
import { localDate } from "@/lib/dates/local-date";
import type { ClinicDaySummary } from "@/lib/clinic-day/run-clinic-day";
import { builtInClients } from "../epic-sandbox/sandbox-clients";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import type { Benchmark, BenchmarkOptions, BenchmarkResult } from "./benchmarks";
import { median } from "./measure-runs";
import { createBenchDatabase, freePort } from "./schedule-page-benchmark";
import { writeBenchSeed } from "./write-bench-seed";

/**
 * `bench clinic-day [--patients N] [--faults SPEC] [--seed DIR]` (issue 16): the sandbox seeded with
 * N patients (a Synthea-style folder of patient bundles, or the default seed, copied under fresh ids
 * as needed), then `npm run clinic-day -- --org riverside --json` as its own process with only the
 * database and the sandbox (no app: it publishes its own JWKS), on a fresh database each round:
 * cold (first sync), warm (the same day again, nothing new), and a fault round of two
 * `--write-back` runs under SPEC. Times are the run's own `timingsMs.total` (process start-up
 * excluded), medians of `--runs` rounds; FHIR requests are the sandbox's count.
 */
const defaultPatients = 40;
const defaultFaults = "status-503=0.2,status-429=0.1,drop-after-create=0.3,latency-ms=50";
const timeZone = "America/New_York";
const org = "riverside";

type Run = { summary: ClinicDaySummary; fhirRequests: number; notes: { patient: string }[]; wallMs: number; sandboxCpuMs: number; clinicDayCpuMs: number | null };

function projectRoot(): string {
  return path.resolve(import.meta.dirname, "../..");
}

/** One `clinic-day --json` process; its last stdout line is the summary (INTERFACES.md). */
async function runClinicDayCli(sandbox: EpicSandbox, env: NodeJS.ProcessEnv, args: string[], log: (line: string) => void): Promise<Run> {
  sandbox.resetStats();
  const started = performance.now();
  // The sandbox runs in this process, which otherwise only waits: its CPU time is Epic's share.
  const cpuBefore = process.cpuUsage();
  const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/clinic-day.ts", "--org", org, "--date", localDate(timeZone, new Date()), "--json", ...args], {
    cwd: projectRoot(),
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  const last = stdout.trim().split("\n").at(-1) ?? "";
  if (!last.startsWith("{")) throw new Error(`clinic-day exited ${code} without a summary:\n${stderr.split("\n").slice(-15).join("\n")}`);
  for (const line of stderr.split("\n").filter((l) => /sync failed|not read \(|no new prep sheet|write-back error/.test(l)).slice(0, 5)) log(`    ${line}`);
  const cpu = process.cpuUsage(cpuBefore);
  const stats = sandbox.stats();
  return {
    summary: JSON.parse(last) as ClinicDaySummary,
    fhirRequests: stats.fhirRequests,
    notes: stats.documentReferencesCreated,
    wallMs: Math.round(performance.now() - started),
    sandboxCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    // Start-up (tsx compiling) included: the process's own figure from its last progress line.
    clinicDayCpuMs: Number(/process CPU (\d+) ms/.exec(stderr)?.[1] ?? Number.NaN) || null,
  };
}

/** A fresh database with the demo clinics connected to this sandbox; the env a clinic-day process needs. */
async function prepareDatabase(sandbox: EpicSandbox, appOrigin: string) {
  const database = await createBenchDatabase();
  const handle = await openDatabase(database.url);
  if (handle.kind !== "pglite") await migrate(handle.db as never, { migrationsFolder });
  await seedDemo(handle.db, "bench-password-not-secret-2026", { sandboxPort: sandbox.port, totpSecret: null });
  // PGlite has one owner: the clinic-day process opens the directory once the bench has let go.
  await handle.close();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: database.url, AUTH_URL: appOrigin, LOG_LEVEL: "error" };
  return { database, env };
}

function notesPerPatient(runs: readonly Run[], ehrPatientIds: readonly string[]) {
  const counts = new Map(ehrPatientIds.map((id) => [id, 0]));
  for (const created of runs.flatMap((r) => r.notes)) counts.set(created.patient, (counts.get(created.patient) ?? 0) + 1);
  const values = [...counts.values()];
  return { min: Math.min(...values), max: Math.max(...values) };
}

export const clinicDayBenchmark: Benchmark = {
  name: "clinic-day",
  key: "clinicDay",
  defaultRuns: 3,
  description: `clinic-day CLI over the sandbox, ${defaultPatients} patients: cold and warm seconds, FHIR requests per patient (goals ≤ 60 s, ≤ 10 s, ≤ 20), then two --write-back runs under faults`,
  async run({ runs, scale, log, patients: patientsOption, faults: faultsOption, seed }: BenchmarkOptions): Promise<BenchmarkResult> {
    const wanted = patientsOption ?? scale ?? defaultPatients;
    const faults = faultsOption ?? defaultFaults;
    const seedDir = mkdtempSync(path.join(tmpdir(), "healthprep-bench-seed-"));
    const patients = await writeBenchSeed({ sourceDir: seed ? path.resolve(seed) : null, patients: wanted, outDir: seedDir });
    log(`  ${patients} patients from ${seed ?? "the default seed"}`);
    // The app origin the sandbox's JWT clients are registered with; nothing runs there but clinic-day.
    const appOrigin = `http://127.0.0.1:${await freePort()}`;
    const sandbox = await startEpicSandbox({
      defaultSeed: false,
      seedDirs: [seedDir],
      timeZone,
      clients: builtInClients().filter((c) => c.jwksUri).map((c) => ({ ...c, jwksUri: `${appOrigin}/.well-known/jwks.json` })),
    });
    try {
      const cold: Run[] = [];
      const warm: Run[] = [];
      for (let round = 0; round < runs; round++) {
        const { database, env } = await prepareDatabase(sandbox, appOrigin);
        try {
          cold.push(await runClinicDayCli(sandbox, env, [], log));
          warm.push(await runClinicDayCli(sandbox, env, [], log));
        } finally {
          await database.drop();
        }
        const [c, w] = [cold.at(-1)!, warm.at(-1)!];
        const phases = (r: Run) => `${JSON.stringify(r.summary.timingsMs)}, ${r.fhirRequests} FHIR requests, CPU: sandbox ${r.sandboxCpuMs} ms, clinic-day ${r.clinicDayCpuMs ?? "?"} ms`;
        log(`  round ${round + 1}/${runs}: cold ${phases(c)}, ${c.summary.prepSheets} sheets; warm ${phases(w)}`);
      }

      const { database, env } = await prepareDatabase(sandbox, appOrigin);
      let faulted: Run[] = [];
      try {
        sandbox.setFaults(faults);
        faulted = [await runClinicDayCli(sandbox, env, ["--write-back"], log)];
        log(`  faults ${faults}, write-back run 1: ${JSON.stringify(faulted[0]!.summary.writeBack)} in ${faulted[0]!.summary.timingsMs.total} ms`);
        faulted.push(await runClinicDayCli(sandbox, env, ["--write-back"], log));
        log(`  write-back run 2: ${JSON.stringify(faulted[1]!.summary.writeBack)} in ${faulted[1]!.summary.timingsMs.total} ms`);
      } finally {
        sandbox.setFaults("");
        await database.drop();
      }
      const last = faulted.at(-1)!.summary;
      const ehrPatientIds = [...new Set(last.results.map((r) => r.ehrPatientId))];
      const coldMs = median(cold.map((r) => r.summary.timingsMs.total));
      const perPatient = (r: Run) => Math.round((r.fhirRequests / Math.max(1, r.summary.patients)) * 10) / 10;
      return {
        ms: coldMs,
        patients: cold[0]!.summary.patients,
        coldMs,
        warmMs: median(warm.map((r) => r.summary.timingsMs.total)),
        requestsPerPatient: perPatient(cold[0]!),
        faults: { spec: faults, sheetsReady: last.results.filter((r) => r.status !== "failed").length, notesPerPatient: notesPerPatient(faulted, ehrPatientIds) },
        // Beyond the INTERFACES.md shape: what the headline figures are made of.
        coldRunsMs: cold.map((r) => r.summary.timingsMs.total),
        warmRunsMs: warm.map((r) => r.summary.timingsMs.total),
        coldTimingsMs: cold[0]!.summary.timingsMs,
        coldWithoutDocumentsMs: median(cold.map((r) => r.summary.timingsMs.total - r.summary.timingsMs.documents)),
        warmRequestsPerPatient: perPatient(warm[0]!),
        coldProcessWallMs: median(cold.map((r) => r.wallMs)),
        coldSandboxCpuMs: median(cold.map((r) => r.sandboxCpuMs)),
        warmSandboxCpuMs: median(warm.map((r) => r.sandboxCpuMs)),
        coldClinicDayCpuMs: median(cold.map((r) => r.clinicDayCpuMs ?? 0)),
        warmClinicDayCpuMs: median(warm.map((r) => r.clinicDayCpuMs ?? 0)),
        documents: cold[0]!.summary.documents,
        faultRuns: faulted.map((r) => ({ ms: r.summary.timingsMs.total, writeBack: r.summary.writeBack, failed: r.summary.results.filter((x) => x.status === "failed").length })),
        goals: { coldMs: 60_000, warmMs: 10_000, requestsPerPatient: 20 },
      };
    } finally {
      await sandbox.close();
      rmSync(seedDir, { recursive: true, force: true });
    }
  },
};
