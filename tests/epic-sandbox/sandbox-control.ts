import type { LaunchContext, SandboxStats } from "./sandbox-types";

export interface SandboxControl {
  stats(): Promise<SandboxStats>;
  setFaults(spec: string): Promise<void>;
  expireTokens(): Promise<void>;
  resetStats(): Promise<void>;
  mintLaunch(ctx: LaunchContext): Promise<{ launch: string; iss: string }>;
}

/** Typed client for the control API of a sandbox in another process (npm run sandbox, e2e). */
export function sandboxControl(origin: string): SandboxControl {
  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${origin}/_sandbox/${path}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }),
    });
    const json = (await res.json()) as T & { error?: string };
    if (!res.ok) throw new Error(`sandbox control ${path}: ${res.status} ${json.error ?? ""}`);
    return json;
  }
  return {
    stats: () => call<SandboxStats>("GET", "stats"),
    setFaults: async (spec) => void (await call("POST", "faults", { spec })),
    expireTokens: async () => void (await call("POST", "expire-tokens")),
    resetStats: async () => void (await call("POST", "reset-stats")),
    mintLaunch: (ctx) => call("POST", "launch", ctx),
  };
}
