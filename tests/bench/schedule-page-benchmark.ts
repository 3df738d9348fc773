import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { migrationsFolder, openDatabase, type Db } from "@/db/client";
import { upsertEhrConnection, upsertEhrToken } from "@/db/queries/ehr-connections";
import { appointments, memberships, organizations, patientDocuments, patients, prepSheets, syncRuns, users, type PrepStatus } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { createEnvelopeCipher, parseKeyring } from "@/lib/crypto/envelope-cipher";
import { clientSecretAad } from "@/lib/smart/load-epic-endpoints";
import { tokenAad } from "@/lib/smart/token-aad";
import { localDate } from "@/lib/dates/local-date";
import { createId, type Id } from "@/lib/ids";
import { startOfLocalDay } from "@/lib/sync/clinic-day-range";
import { confidentialClientId, confidentialClientSecret } from "../epic-sandbox/sandbox-clients";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { signInToSandbox } from "../integration/sync-test-helpers";
import type { Benchmark, BenchmarkOptions, BenchmarkResult } from "./benchmarks";
import { median } from "./measure-runs";

/**
 * `bench schedule-page` (issue 9): latency of GET /o/<clinic>/schedule under 20 concurrent signed-in
 * users on `npm start` (the existing production build), with a 40-appointment day in the clinic's
 * time zone. `--scale N` sets the number of appointments.
 *
 * Two loads, both measured:
 * - users (the goal's figure): 20 users, each reloading the page as soon as it has arrived and a
 *   think time of 0.5–1.5 s has passed (mean 1 s, k6's customary `sleep(1)`). That is heavier than
 *   the real use: an open schedule polls a small JSON every 2.5 s and reloads only on navigation.
 *   `ms` is the median of the p95s of `runs` windows of 10 s.
 * - saturation: the same 20 clients back to back with no think time, which measures how many pages
 *   one server process turns out (throughput, CPU per request) rather than what a user waits.
 *
 * The clinic has half a year of sync history (two patient pulls a day each, as sync_runs keeps them).
 *
 * `schedule-page`: the clinic has no Epic connection and a schedule sync that just succeeded, so
 * opening the page neither starts a sync (which would change the day mid-measurement) nor reads names
 * from Epic: the figure is our server's share (session, database, render).
 * `schedule-page-slow-epic` (issue 16): the same day, but the clinic is connected to an Epic sandbox
 * (in this process) answering every request after 150 ms, the day's patients are real sandbox
 * patients and every user has an Epic token, so the page shows names read through Epic. The first
 * view is timed on its own (`firstViewMs`); every counted page must show all names.
 */
const concurrency = 20;
const defaultAppointments = 40;
const usersWindowMs = 10_000;
const saturationWindowMs = 5_000;
const saturationWindows = 2;
const warmUpMs = 3_000;
const thinkMs = { min: 500, max: 1_500 };
const timeZone = "America/New_York";
const slug = "bench-clinic";
const password = "bench-password-not-secret-2026";
// Sync freshness in lib/schedule/request-schedule-sync.ts is 10 minutes; stay inside it.
const maxMeasureMs = 8 * 60_000;

/** Days of patient sync history the clinic has (two pulls a patient a day). */
const historyDays = 180;
const prepMix: PrepStatus[] = ["ready", "ready", "ready", "needs_review", "pending", "in_progress", "ready", "failed"];

function projectRoot(): string {
  return path.resolve(import.meta.dirname, "../..");
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database: a new one on TEST_DATABASE_URL's server, else PGlite in a temp directory. */
export async function createBenchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = process.env.TEST_DATABASE_URL;
  if (admin) {
    const name = `healthprep_bench_${Date.now()}_${randomBytes(3).toString("hex")}`;
    await adminQuery(admin, `create database ${name}`);
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return { url: url.toString(), drop: () => adminQuery(admin, `drop database if exists ${name} with (force)`) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "healthprep-bench-"));
  return { url: `pglite://${path.join(dir, "pglite")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** One clinic, `count` appointments today (clinic-local), prep sheets and documents in mixed states, `concurrency` providers. */
async function seedClinicDay(db: Db, count: number, now: Date, epic?: BenchEpic): Promise<{ emails: string[] }> {
  const organizationId = createId("organization");
  await db.insert(organizations).values({ id: organizationId, name: "Bench Family Medicine", slug, timeZone });
  const passwordHash = await hashPassword(password);
  const emails = Array.from({ length: concurrency }, (_, i) => `bench.provider${i + 1}@healthprep.test`);
  const connection = epic
    ? await upsertEhrConnection(db, {
        id: createId("ehrConnection"), organizationId, fhirBaseUrl: epic.fhirBase, clientId: confidentialClientId, clientAuthMethod: "client_secret_basic",
        clientSecretEncrypted: epic.cipher.encrypt(confidentialClientSecret, clientSecretAad(organizationId)), scopes: "openid fhirUser user/Patient.read",
      })
    : null;
  for (const email of emails) {
    const userId = createId("user");
    await db.insert(users).values({ id: userId, email, name: "Bench Provider", passwordHash });
    await db.insert(memberships).values({ id: createId("membership"), organizationId, userId, role: "provider" });
    if (epic && connection) {
      const owner = { organizationId, userId };
      await upsertEhrToken(db, {
        id: createId("ehrToken"), organizationId, connectionId: connection.id, kind: "user", userId,
        accessTokenEncrypted: epic.cipher.encrypt(epic.accessToken, tokenAad(owner, "access")), refreshTokenEncrypted: null,
        expiresAt: new Date(now.getTime() + epic.tokenTtlMs), scope: "user/Patient.read", status: "active", statusReason: null,
      });
    }
  }
  const fhirBaseUrl = epic?.fhirBase ?? "https://epic.invalid/api/FHIR/R4";
  const dayStart = startOfLocalDay(timeZone, localDate(timeZone, now));
  const patientIds: Id<"patient">[] = [];
  for (let i = 0; i < count; i++) {
    const patientId = createId("patient") as Id<"patient">;
    patientIds.push(patientId);
    await db.insert(patients).values({ id: patientId, organizationId, fhirBaseUrl, ehrPatientId: epic ? benchPatientId(i) : `eBench${i}`, lastSyncedAt: now, lastScheduledAt: now });
    const appointmentId = createId("appointment") as Id<"appointment">;
    const prepStatus = prepMix[i % prepMix.length]!;
    // 08:00 onwards every 12 minutes: 40 visits fill the clinic day.
    const startAt = new Date(dayStart.getTime() + (8 * 60 + i * 12) * 60_000);
    await db.insert(appointments).values({
      id: appointmentId, organizationId, patientId, fhirBaseUrl, ehrAppointmentId: `eBenchAppt${i}`, startAt,
      endAt: new Date(startAt.getTime() + 12 * 60_000), status: "booked", ehrPractitionerId: "eBenchPract", ehrEncounterId: `eBenchEnc${i}`,
      visitType: i % 3 === 0 ? "Annual physical" : "Follow-up", prepStatus, lastSyncedAt: now,
    });
    if (prepStatus === "ready" || prepStatus === "needs_review") {
      // The schedule reads only ids and statuses of sheets; the model is never decrypted on this page.
      await db.insert(prepSheets).values({
        id: randomUUID(), organizationId, patientId, appointmentId, version: 1, asOf: localDate(timeZone, now), contentHash: `bench-${i}`,
        modelEncrypted: "not-decrypted-by-the-schedule", status: prepStatus, generatedAt: now,
      });
    }
    const states = ["processed", "processed", i % 4 === 0 ? "failed" : "processed", prepStatus === "in_progress" ? "processing" : "skipped"] as const;
    await db.insert(patientDocuments).values(
      states.map((state, d) => ({
        id: createId("document"), organizationId, patientId, fhirBaseUrl, ehrDocumentId: `eBenchDoc${i}-${d}`, ehrVersion: "1", state,
        pages: state === "processed" ? 1 + ((i + d) % 3) : null,
      })),
    );
  }
  // A clinic in use for half a year: every patient pulled twice a day (sync_runs keeps them all), and
  // the schedule's "not refreshed" check looks up each patient's newest pull on every view.
  const history = Array.from({ length: historyDays * 2 }, (_, k) => new Date(now.getTime() - (k + 1) * 12 * 3_600_000));
  const runs = patientIds.flatMap((patientId) => history.map((startedAt) => ({
    id: createId("syncRun"), organizationId, kind: "patient" as const, mode: "incremental" as const, patientId, triggeredBy: "system", status: "succeeded" as const,
    counts: { records: 3 }, startedAt, finishedAt: new Date(startedAt.getTime() + 2_000),
  })));
  for (let i = 0; i < runs.length; i += 1_000) await db.insert(syncRuns).values(runs.slice(i, i + 1_000));
  await db.insert(syncRuns).values({
    id: createId("syncRun"), organizationId, kind: "schedule", mode: "full", triggeredBy: "system", status: "succeeded",
    counts: { appointments: count }, startedAt: now, finishedAt: now,
  });
  return { emails };
}

function startServer(port: number, databaseUrl: string, encryptionKeys: string, log: (line: string) => void): ChildProcess {
  // `npm start` as shipped (its Node flags included). BENCH_CPU_PROF_DIR=<dir>: the same under
  // `--cpu-prof` to see where the time goes (npm writes a small profile of its own beside the server's).
  const profileDir = process.env.BENCH_CPU_PROF_DIR;
  const child = spawn("npm", ["start", "--", "-p", String(port)], {
    cwd: projectRoot(),
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      ENCRYPTION_KEYS: encryptionKeys,
      JOBS_MODE: "in-process",
      LOG_LEVEL: "error",
      ...(profileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` } : {}),
    },
  });
  child.stderr?.on("data", (chunk: Buffer) => log(`  next: ${chunk.toString("utf8").trimEnd()}`));
  return child;
}

function stopServer(child: ChildProcess): void {
  // npm → node (next) → its workers: end the whole process group we started.
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}

async function waitForHealth(origin: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${origin}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`next start did not answer ${origin}/api/health within ${timeoutMs / 1000} s`);
}

function decodeEntities(value: string): string {
  return value.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/**
 * The real password sign-in over HTTP, as a browser without JavaScript submits it: the sign-in
 * form's hidden server-action fields plus email and password; the action redirects with the session cookie.
 */
async function signInOverHttp(origin: string, email: string): Promise<string> {
  const page = await fetch(`${origin}/sign-in`);
  const html = await page.text();
  const form = [...html.matchAll(/<form\b[^>]*>([\s\S]*?)<\/form>/g)].map((m) => m[1] ?? "").find((body) => body.includes('name="password"'));
  if (!form) throw new Error("the sign-in page has no password form");
  const body = new FormData();
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = input[0];
    const name = /\bname="([^"]*)"/.exec(tag)?.[1];
    if (!name || !/type="hidden"/.test(tag)) continue;
    body.append(decodeEntities(name), decodeEntities(/\bvalue="([^"]*)"/.exec(tag)?.[1] ?? ""));
  }
  body.append("email", email);
  body.append("password", password);
  const res = await fetch(`${origin}/sign-in`, { method: "POST", body, redirect: "manual", headers: { origin } });
  const cookies = res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "").filter((c) => /session-token=/.test(c));
  await res.arrayBuffer();
  if (cookies.length === 0) throw new Error(`password sign-in of a bench user set no session cookie (HTTP ${res.status})`);
  return cookies.join("; ");
}

/**
 * CPU time (user + system) of every process in the server's process group, from /proc (Linux; null
 * elsewhere). Per request, it says what the page costs the server whatever the concurrency.
 */
function serverCpuMs(pgid: number | undefined): number | null {
  if (!pgid || process.platform !== "linux") return null;
  try {
    const pids = execFileSync("pgrep", ["-g", String(pgid)], { encoding: "utf8" }).split("\n").filter(Boolean);
    let ticks = 0;
    for (const pid of pids) {
      // Fields after the parenthesised command name: utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

type Sample = { at: number; ms: number; ok: boolean };

/** One client per cookie, each requesting the page until `until`, pausing `think()` ms between answers. */
async function load(url: string, cookies: string[], until: number, think: () => number = () => 0, complete: (html: string) => boolean = hasRows): Promise<Sample[]> {
  const samples: Sample[] = [];
  await Promise.all(
    cookies.map(async (cookie, i) => {
      // Users do not arrive in lockstep: each starts somewhere inside its first think time.
      const firstPause = (think() * i) / cookies.length;
      if (firstPause > 0) await new Promise((r) => setTimeout(r, firstPause));
      while (Date.now() < until) {
        const started = performance.now();
        let ok = false;
        try {
          const res = await fetch(url, { headers: { cookie }, redirect: "manual" });
          ok = res.status === 200 && complete(await res.text());
        } catch {
          ok = false;
        }
        samples.push({ at: Date.now(), ms: performance.now() - started, ok });
        const pause = think();
        if (pause > 0) await new Promise((r) => setTimeout(r, pause));
      }
    }),
  );
  return samples;
}

/** Measures `windows` windows of `windowMs` under one load; p95 per window plus the pooled figures. */
async function measure(server: ChildProcess, url: string, cookies: string[], windows: number, windowMs: number, think?: () => number, complete?: (html: string) => boolean) {
  const cpuBefore = serverCpuMs(server.pid);
  const started = Date.now();
  const samples = await load(url, cookies, started + windows * windowMs, think, complete);
  const elapsedS = (Date.now() - started) / 1000;
  const cpuAfter = serverCpuMs(server.pid);
  const windowP95: number[] = [];
  for (let w = 0; w < windows; w++) {
    const inWindow = samples.filter((s) => s.at >= started + w * windowMs && s.at < started + (w + 1) * windowMs).map((s) => s.ms).sort((a, b) => a - b);
    windowP95.push(Math.round(percentile(inWindow, 95)));
  }
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    p99: percentile(all, 99),
    max: percentile(all, 100),
    throughputRps: Math.round((samples.length / elapsedS) * 10) / 10,
    requests: samples.length,
    errors: samples.filter((s) => !s.ok).length,
    windowP95Ms: windowP95,
    serverCpuMsPerRequest: cpuBefore !== null && cpuAfter !== null ? Math.round(((cpuAfter - cpuBefore) / samples.length) * 10) / 10 : null,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round((sorted[Math.max(0, index)] ?? 0) * 10) / 10;
}

type BenchEpic = { fhirBase: string; accessToken: string; tokenTtlMs: number; cipher: ReturnType<typeof createEnvelopeCipher> };

const slowEpicLatencyMs = 150;
const benchPatientId = (i: number) => `eBenchSlowEpic.Pt${String(i).padStart(4, "0")}`;
const benchPatientName = (i: number) => `Benchname${i} Slowepic`;
const hasRows = (html: string) => html.includes('data-testid="appointment-row"');

/** An Epic sandbox in this process whose only patients are the day's `count`, answering after `latencyMs`. */
async function startSlowEpic(count: number, latencyMs: number, cipher: BenchEpic["cipher"]): Promise<{ sandbox: EpicSandbox; epic: BenchEpic; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "healthprep-bench-epic-"));
  const entry = Array.from({ length: count }, (_, i) => ({
    resource: { resourceType: "Patient", id: benchPatientId(i), active: true, gender: i % 2 ? "male" : "female", birthDate: `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 10}`,
      name: [{ use: "official", family: "Slowepic", given: [`Benchname${i}`], text: benchPatientName(i) }] },
  }));
  writeFileSync(path.join(dir, "patients.json"), JSON.stringify({ resourceType: "Bundle", type: "collection", entry }));
  const tokenTtlSeconds = 4 * 3600;
  const sandbox = await startEpicSandbox({ port: 0, seedDirs: [dir], defaultSeed: false, tokenTtlSeconds });
  const session = await signInToSandbox(sandbox, ["user/Patient.read"]);
  // Latency from here on: sign-in is set-up, not part of the view.
  sandbox.setFaults(`latency-ms=${latencyMs}`);
  return { sandbox, dir, epic: { fhirBase: sandbox.fhirBase, accessToken: session.accessToken, tokenTtlMs: tokenTtlSeconds * 1000, cipher } };
}

async function runSchedulePage({ runs, scale, log }: BenchmarkOptions, epicLatencyMs: number | null): Promise<BenchmarkResult> {
  const root = projectRoot();
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("bench schedule-page measures the production build, and there is none (.next/BUILD_ID is missing): run `npm run build` first.");
  }
  if (runs * usersWindowMs + saturationWindows * saturationWindowMs + 2 * warmUpMs > maxMeasureMs) {
    throw new Error(`--runs ${runs} would outlast the schedule's sync freshness; use at most ${Math.floor((maxMeasureMs - saturationWindows * saturationWindowMs - 2 * warmUpMs) / usersWindowMs)}`);
  }
  const count = scale ?? defaultAppointments;
  const encryptionKeys = `bench1:${randomBytes(32).toString("base64")}`;
  const database = await createBenchDatabase();
  let server: ChildProcess | undefined;
  let slowEpic: Awaited<ReturnType<typeof startSlowEpic>> | undefined;
  try {
    if (epicLatencyMs !== null) {
      slowEpic = await startSlowEpic(count, epicLatencyMs, createEnvelopeCipher(parseKeyring(encryptionKeys)));
      log(`  Epic sandbox with ${count} patients at ${slowEpic.epic.fhirBase}, latency ${epicLatencyMs} ms per request`);
    }
    const handle = await openDatabase(database.url);
    if (handle.kind !== "pglite") await migrate(handle.db as never, { migrationsFolder });
    const { emails } = await seedClinicDay(handle.db, count, new Date(), slowEpic?.epic);
    // PGlite has one owner: the server opens the directory once the bench has let go of it.
    await handle.close();
    log(`  seeded ${count} appointments and ${emails.length} providers in ${database.url.startsWith("pglite") ? "PGlite" : "PostgreSQL"}`);

    const port = Number(process.env.BENCH_PORT) || (await freePort());
    const origin = `http://localhost:${port}`;
    server = startServer(port, database.url, encryptionKeys, log);
    await waitForHealth(origin, server);
    log(`  next start is up on port ${port}`);

    const cookies: string[] = [];
    for (const email of emails) cookies.push(await signInOverHttp(origin, email));
    const url = `${origin}/o/${slug}/schedule`;
    // With Epic, a page counts only when it shows every patient's name (read through Epic or its cache).
    const namesShown = (html: string) => (html.match(/Benchname\d+ Slowepic/g)?.length ?? 0);
    const complete = slowEpic ? (html: string) => hasRows(html) && namesShown(html) >= count : hasRows;
    const firstStarted = performance.now();
    const check = await fetch(url, { headers: { cookie: cookies[0]! }, redirect: "manual" });
    const html = await check.text();
    const firstViewMs = Math.round(performance.now() - firstStarted);
    const rows = html.match(/data-testid="appointment-row"/g)?.length ?? 0;
    // BENCH_SAVE_HTML=<file>: keep the measured page to see what its bytes are.
    if (process.env.BENCH_SAVE_HTML) writeFileSync(process.env.BENCH_SAVE_HTML, html);
    if (check.status !== 200 || rows !== count) throw new Error(`the schedule page answered ${check.status} with ${rows} of ${count} appointment rows`);
    if (slowEpic && namesShown(html) < count) throw new Error(`the schedule page shows ${namesShown(html)} of ${count} patient names from Epic`);
    log(`  ${cookies.length} sessions signed in; the page renders ${rows} appointments${slowEpic ? ` with ${namesShown(html)} names; first view ${firstViewMs} ms` : ""}`);

    const think = () => thinkMs.min + Math.random() * (thinkMs.max - thinkMs.min);
    // Epic requests from here on are on the hot path: with the banner cache warm there should be none.
    const epicRequestsBefore = slowEpic?.sandbox.stats().fhirRequests ?? 0;
    await load(url, cookies, Date.now() + warmUpMs, undefined, complete);
    // One user alone: the floor the concurrent figures are built on.
    const serial = (await load(url, cookies.slice(0, 1), Date.now() + 2_000, undefined, complete)).map((s) => s.ms).sort((a, b) => a - b);
    log(`  one user alone: p50 ${percentile(serial, 50)} ms over ${serial.length} requests`);
    await load(url, cookies, Date.now() + warmUpMs, think, complete);
    const users = await measure(server, url, cookies, runs, usersWindowMs, think, complete);
    log(`  users (${concurrency}, think ${thinkMs.min / 1000}–${thinkMs.max / 1000} s): window p95s ${users.windowP95Ms.join(", ")} ms; p50 ${users.p50} ms, ${users.throughputRps} req/s, ${users.serverCpuMsPerRequest ?? "?"} ms server CPU per request`);
    const saturation = await measure(server, url, cookies, saturationWindows, saturationWindowMs, undefined, complete);
    log(`  saturation (${concurrency} back to back): p95 ${saturation.p95} ms, p50 ${saturation.p50} ms, ${saturation.throughputRps} req/s, ${saturation.serverCpuMsPerRequest ?? "?"} ms server CPU per request`);
    const errors = users.errors + saturation.errors;
    if (errors > 0) log(`  ${errors} requests failed or rendered no appointments${slowEpic ? " or not every name" : ""}`);
    const patientReads = slowEpic?.sandbox.stats().requests.filter((r) => /\/Patient\/[^/?]+$/.test(r.path)).length;
    const epicRequestsAfterFirstView = slowEpic ? slowEpic.sandbox.stats().fhirRequests - epicRequestsBefore : 0;
    if (slowEpic) log(`  Epic Patient reads in the whole run: ${patientReads} (the log keeps the last 2000 requests); Epic requests after the first view: ${epicRequestsAfterFirstView}`);
    return {
      ms: median(users.windowP95Ms),
      p50: users.p50,
      p95: users.p95,
      p99: users.p99,
      max: users.max,
      throughputRps: users.throughputRps,
      requests: users.requests,
      errors,
      windowP95Ms: users.windowP95Ms,
      serverCpuMsPerRequest: users.serverCpuMsPerRequest,
      thinkMs,
      singleUserP50: percentile(serial, 50),
      saturation: {
        p50: saturation.p50,
        p95: saturation.p95,
        p99: saturation.p99,
        throughputRps: saturation.throughputRps,
        requests: saturation.requests,
        serverCpuMsPerRequest: saturation.serverCpuMsPerRequest,
      },
      concurrency,
      appointments: count,
      pageKb: Math.round(Buffer.byteLength(html) / 102.4) / 10,
      database: database.url.startsWith("pglite") ? "pglite" : "postgres",
      ...(slowEpic
        ? { epicLatencyMs, firstViewMs, epicPatientReads: patientReads, epicRequestsAfterFirstView, goalP95Ms: 300 }
        : { epicReads: "none (clinic without an Epic connection; names are not fetched)", goalP95Ms: 150 }),
    };
  } finally {
    if (server) {
      stopServer(server);
      await new Promise((r) => setTimeout(r, 1_000));
    }
    await database.drop().catch((error: unknown) => log(`  could not drop the bench database: ${String(error)}`));
    if (slowEpic) {
      await slowEpic.sandbox.close();
      rmSync(slowEpic.dir, { recursive: true, force: true });
    }
  }
}

export const schedulePageBenchmark: Benchmark = {
  name: "schedule-page",
  description: `schedule page p95 for ${concurrency} concurrent users (think time ${thinkMs.min / 1000}–${thinkMs.max / 1000} s) on npm start, ${defaultAppointments}-appointment day (goal ≤ 150 ms); also back to back`,
  run: (options) => runSchedulePage(options, null),
};

export const schedulePageSlowEpicBenchmark: Benchmark = {
  name: "schedule-page-slow-epic",
  description: `the same with names read through an Epic answering in ${slowEpicLatencyMs} ms per request (goal p95 ≤ 300 ms)`,
  run: (options) => runSchedulePage(options, slowEpicLatencyMs),
};
