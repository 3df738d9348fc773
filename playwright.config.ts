import { defineConfig } from "@playwright/test";

if (!process.versions.node.startsWith("24.")) {
  throw new Error(`Node 24 expected (node devDependency), got ${process.version}; run through npm run / npx`);
}

// scripts/test.mjs prepares the database, finds Chromium and sets these; see README "Tests".
const port = Number(process.env.E2E_PORT ?? 3210);
const sandboxPort = Number(process.env.EPIC_SANDBOX_PORT ?? 4510);
const chromium = process.env.CHROMIUM_PATH;

export default defineConfig({
  testDir: "tests/e2e",
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    // localhost, not 127.0.0.1: `next start` reports request URLs as localhost, and Auth.js derives
    // the OAuth redirect_uri from them; the browser must be on the same host or its cookies are lost.
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      ...(chromium ? { executablePath: chromium } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      command: `npx tsx tests/epic-sandbox/cli.ts --port ${sandboxPort} --no-corpus --app-origin http://localhost:${port}`,
      url: `http://127.0.0.1:${sandboxPort}/_sandbox/stats`,
      reuseExistingServer: false,
      timeout: 300_000,
    },
    {
      command: `npx next start -p ${port}`,
      url: `http://localhost:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
