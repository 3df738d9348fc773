// `npm run dev`: migrate + seed (idempotent), then the local Epic sandbox and `next dev`, together.
// Runs under the project's Node 24 (npm puts node_modules/.bin first on PATH).
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const port = process.env.PORT ?? "3000";
const sandboxPort = process.env.EPIC_SANDBOX_PORT ?? "4010";

for (const script of ["db/migrate.ts", "scripts/seed.ts"]) {
  const r = spawnSync("npx", ["tsx", "--conditions=react-server", script], { stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const children = [];
function start(name, args) {
  // Each child leads its own process group: npx and tsx start grandchildren that a plain kill of
  // the child leaves running (a sandbox still holding its port after `npm run dev` was stopped).
  const child = spawn("npx", args, { stdio: "inherit", detached: true });
  child.on("exit", (code) => {
    console.error(`dev: ${name} exited (${code ?? "signal"}); stopping`);
    shutdown(code ?? 1);
  });
  children.push(child);
}
let stopping = false;
function shutdown(code) {
  if (stopping) return;
  stopping = true;
  for (const c of children) {
    try {
      process.kill(-c.pid, "SIGTERM");
    } catch {
      // The group has already gone.
    }
  }
  setTimeout(() => process.exit(code), 500).unref();
}
process.on("SIGINT", () => shutdown(0));
process.on("SIGTERM", () => shutdown(0));

if (existsSync("tests/epic-sandbox/cli.ts")) start("epic sandbox", ["tsx", "tests/epic-sandbox/cli.ts", "--port", sandboxPort, "--app-origin", `http://localhost:${port}`]);
start("next dev", ["next", "dev", "-p", port]);
