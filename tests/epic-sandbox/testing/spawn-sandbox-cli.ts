import { spawn } from "node:child_process";
import path from "node:path";
import { CookieJar } from "./cookie-jar";

const repoRoot = path.resolve(import.meta.dirname, "../../..");

export interface SpawnedSandbox {
  fhirBase: string;
  /** performance.now() when npm was spawned; the other figures count from here. */
  startedAt: number;
  /** From spawn to the "FHIR base:" line on stdout. */
  urlsAfterMs: number;
  /** Resolves with ms from spawn to the "ready" line (everything loaded). */
  ready: Promise<number>;
  output: () => string;
  /**
   * SIGTERM to the process group this spawn created (npm, tsx, node: npm itself does not pass the
   * signal on); resolves once npm is gone. The sandbox prints "stopping" when it handled the signal.
   */
  stop: () => Promise<void>;
}

/**
 * Runs `npm run sandbox -- ARGS` as a person does, in its own process group so stopping it ends the
 * whole chain and nothing else.
 */
export async function spawnSandboxCli(args: readonly string[], timeoutMs = 60_000): Promise<SpawnedSandbox> {
  const started = performance.now();
  const child = spawn("npm", ["run", "--silent", "sandbox", "--", ...args], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  exited.then(() => undefined, () => undefined);
  const lineAfter = (pattern: RegExp) =>
    new Promise<{ match: RegExpExecArray; ms: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms: ${out}`)), timeoutMs);
      const check = () => {
        const match = pattern.exec(out);
        if (!match) return;
        clearTimeout(timer);
        child.stdout.off("data", check);
        resolve({ match, ms: performance.now() - started });
      };
      child.stdout.on("data", check);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`sandbox exited (${code}) before ${pattern}: ${out}`));
      });
      check();
    });
  child.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      if (child.pid) process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };
  const stop = async () => {
    signalGroup("SIGTERM");
    // Should anything in the chain ignore SIGTERM, end the group for good.
    const timer = setTimeout(() => signalGroup("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
    // npm may go before its children: give the sandbox its moment to close, then make sure.
    await new Promise((resolve) => setTimeout(resolve, 300));
    signalGroup("SIGKILL");
  };
  try {
    const urls = await lineAfter(/FHIR base:\s+(\S+)/);
    const ready = lineAfter(/Epic sandbox ready after/).then((r) => r.ms);
    ready.catch(() => undefined);
    return { fhirBase: urls.match[1] ?? "", startedAt: started, urlsAfterMs: urls.ms, ready, output: () => out, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Follows /oauth2/authorize to the sign-in page as a browser would; returns the page's status and
 * HTML. A well-formed standalone request (PKCE S256, aud) with the confidential client.
 */
export async function openLoginPage(fhirBase: string): Promise<{ status: number; html: string }> {
  const origin = new URL(fhirBase).origin;
  const authorize = await fetch(`${origin}/oauth2/authorize?${new URLSearchParams({
    response_type: "code", client_id: "healthprep-confidential", redirect_uri: "http://localhost:3000/api/auth/callback/epic",
    scope: "openid fhirUser", state: "s", aud: fhirBase,
    code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", code_challenge_method: "S256",
  })}`, { redirect: "manual" });
  const jar = new CookieJar();
  jar.store(authorize);
  const location = authorize.headers.get("location");
  if (!location) return { status: authorize.status, html: await authorize.text() };
  const page = await fetch(new URL(location, origin), { headers: { cookie: jar.header() } });
  return { status: page.status, html: await page.text() };
}
