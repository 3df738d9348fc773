// `npm test`: typecheck, lint, unit, integration, build, e2e in Chromium. Stops at the first failure.
// Set TEST_DATABASE_URL to a PostgreSQL server (CI does) to run integration and e2e on real Postgres.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

// `node scripts/test.mjs build e2e -- tests/e2e/x.spec.ts` runs chosen steps; args after `--` go to Playwright.
const dash = process.argv.indexOf("--");
const only = process.argv.slice(2, dash === -1 ? undefined : dash);
const playwrightArgs = dash === -1 ? [] : process.argv.slice(dash + 1);
const started = Date.now();
const timings = [];

function run(name, cmd, args, env = {}, { exitOnFailure = true } = {}) {
  if (only.length && !only.includes(name)) return 0;
  const t0 = Date.now();
  console.error(`\n▶ ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  if (r.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${r.status ?? r.signal}). Timings: ${timings.join(", ")}`);
    if (exitOnFailure) process.exit(r.status ?? 1);
  }
  return r.status ?? 1;
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  for (const c of candidates) if (existsSync(c)) return c;
  try {
    const managed = execFileSync("node", ["-e", "import('@playwright/test').then(m=>process.stdout.write(m.chromium.executablePath()))"], {
      encoding: "utf8",
    });
    if (managed && existsSync(managed)) return managed;
  } catch {
    // no Playwright-managed browser either
  }
  return null;
}

run("typecheck", "npx", ["tsc", "--noEmit"]);
run("lint", "npx", ["eslint", "--max-warnings=0", "."]);
run("unit", "npx", ["vitest", "run", "--project", "unit"]);
run("integration", "npx", ["vitest", "run", "--project", "integration"]);
run("build", "npx", ["next", "build"]);

if (!only.length || only.includes("e2e")) {
  const chromium = findChromium();
  if (!chromium) {
    console.error(
      "\n✖ e2e needs Chromium and none was found (CHROMIUM_PATH, /usr/bin/chromium, or Playwright's own).\n" +
        "  Install one:  sudo apt-get install -y chromium      (Debian/Ubuntu)\n" +
        "  or, where the network allows:  npx playwright install chromium",
    );
    process.exit(1);
  }
  const sandboxPort = process.env.EPIC_SANDBOX_PORT ?? "4510";
  const e2ePort = process.env.E2E_PORT ?? "3210";
  const e2eEnv = {
    CHROMIUM_PATH: chromium,
    EPIC_SANDBOX_PORT: sandboxPort,
    E2E_PORT: e2ePort,
    AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-0123456789",
    ENCRYPTION_KEYS: `e2e1:${Buffer.alloc(32, 42).toString("base64")}`,
    // No Inngest server here: jobs run inside `next start` (an explicit production option).
    JOBS_MODE: "in-process",
    FRAME_ANCESTORS: "'self' https://*.epic.com",
    LOG_LEVEL: "warn",
    // Every e2e sign-in comes from 127.0.0.1: the suite alone reaches the default 30 in a few minutes.
    SIGN_IN_ATTEMPTS_PER_IP: "300",
  };
  // The seed encrypts Epic client secrets, so it must use the server's keys.
  const prepared = spawnSync("npx", ["tsx", "--conditions=react-server", "tests/e2e/prepare-e2e-database.ts"], {
    encoding: "utf8",
    env: { ...process.env, ...e2eEnv },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const databaseUrl = prepared.stdout.trim().split("\n").pop();
  if (prepared.status !== 0 || !databaseUrl) {
    console.error("✖ could not prepare the e2e database");
    process.exit(1);
  }

  const status = run("e2e", "npx", ["playwright", "test", ...playwrightArgs], { ...e2eEnv, DATABASE_URL: databaseUrl }, { exitOnFailure: false });
  spawnSync("npx", ["tsx", "--conditions=react-server", "tests/e2e/prepare-e2e-database.ts", "--drop", databaseUrl], { stdio: "inherit" });
  if (status !== 0) process.exit(status);
}

console.error(`\n✔ all checks passed in ${((Date.now() - started) / 1000).toFixed(0)}s: ${timings.join(", ")}`);
