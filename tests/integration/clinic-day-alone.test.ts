import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Bundle } from "@medplum/fhirtypes";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrationsFolder, openDatabase } from "@/db/client";
import { seedDemo } from "@/lib/demo/seed-demo";
import type { ClinicDaySummary } from "@/lib/clinic-day/run-clinic-day";
import { localDate } from "@/lib/dates/local-date";
import { createBenchDatabase, freePort } from "../bench/schedule-page-benchmark";
import { builtInClients } from "../epic-sandbox/sandbox-clients";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";

/**
 * Issue 16 item 6: `clinic-day` with the sandbox and a database and nothing else. The sandbox's
 * Backend Services client is registered with the app's JWK Set URL, where no app runs; the run
 * publishes the app's keys there itself, gets its token the production way, and stops serving them.
 */
const seedBundle: Bundle = {
  resourceType: "Bundle",
  type: "collection",
  entry: [
    { resource: { resourceType: "Patient", id: "eAlone1", gender: "female", birthDate: "1961-04-02", name: [{ family: "Testpatient", given: ["Alone"] }] } },
    {
      resource: {
        resourceType: "Condition", id: "eAloneCond1", subject: { reference: "Patient/eAlone1" },
        category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-category", code: "problem-list-item" }] }],
        code: { coding: [{ system: "http://snomed.info/sct", code: "38341003" }] },
      },
    },
  ],
};

let sandbox: EpicSandbox;
let database: Awaited<ReturnType<typeof createBenchDatabase>>;
let appOrigin: string;
let seedDir: string;

beforeAll(async () => {
  seedDir = mkdtempSync(path.join(tmpdir(), "healthprep-alone-"));
  writeFileSync(path.join(seedDir, "patient.json"), JSON.stringify(seedBundle));
  appOrigin = `http://127.0.0.1:${await freePort()}`;
  sandbox = await startEpicSandbox({
    defaultSeed: false,
    seedDirs: [seedDir],
    clients: builtInClients().filter((c) => c.jwksUri).map((c) => ({ ...c, jwksUri: `${appOrigin}/.well-known/jwks.json` })),
  });
  database = await createBenchDatabase();
  const handle = await openDatabase(database.url);
  if (handle.kind !== "pglite") await migrate(handle.db as never, { migrationsFolder });
  await seedDemo(handle.db, "alone-password-not-secret-2026", { sandboxPort: sandbox.port, totpSecret: null });
  await handle.close();
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  await database?.drop();
  rmSync(seedDir, { recursive: true, force: true });
});

function runCli(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const date = localDate("America/New_York", new Date());
  const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/clinic-day.ts", "--org", "riverside", "--date", date, "--json"], {
    env: { ...process.env, DATABASE_URL: database.url, AUTH_URL: appOrigin },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("clinic-day without the app", () => {
  it("publishes the app's JWKS for the run, gets a Backend Services token and prepares the day", async () => {
    const run = await runCli();
    expect(run.stderr).toContain("serving the app's public keys there for this run");
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as ClinicDaySummary;
    expect(summary).toMatchObject({ org: "riverside", patients: 1, prepSheets: 1 });
    expect(summary.results.map((r) => [r.ehrPatientId, r.status === "failed"])).toEqual([["eAlone1", false]]);
    expect(sandbox.stats().tokenRequests).toBeGreaterThanOrEqual(1);
    // The keys were served for the run only.
    await expect(fetch(`${appOrigin}/.well-known/jwks.json`)).rejects.toThrow();
  }, 300_000);
});
