/** The fault SPEC of INTERFACES.md: comma-separated name=value. Unknown names are an error, so typos show. */
export interface FaultSpec {
  refreshInvalidGrant: number;
  status429: number;
  status503: number;
  dropAfterCreate: number;
  latencyMs: number;
  jwksFail: number;
}

export const noFaults: FaultSpec = {
  refreshInvalidGrant: 0,
  status429: 0,
  status503: 0,
  dropAfterCreate: 0,
  latencyMs: 0,
  jwksFail: 0,
};

const keys: Record<string, keyof FaultSpec> = {
  "refresh-invalid-grant": "refreshInvalidGrant",
  "status-429": "status429",
  "status-503": "status503",
  "drop-after-create": "dropAfterCreate",
  "latency-ms": "latencyMs",
  "jwks-fail": "jwksFail",
};

const probabilities = new Set<keyof FaultSpec>(["status429", "status503", "dropAfterCreate"]);

/** Parses a SPEC; an empty string clears every fault. */
export function parseFaultSpec(spec: string): FaultSpec {
  const out: FaultSpec = { ...noFaults };
  for (const part of spec.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [name = "", raw = ""] = part.split("=", 2).map((s) => s.trim());
    const key = keys[name];
    const value = Number(raw);
    if (!key) throw new Error(`unknown fault "${name}" (known: ${Object.keys(keys).join(", ")})`);
    if (raw === "" || !Number.isFinite(value) || value < 0) throw new Error(`fault ${name} needs a number >= 0`);
    if (probabilities.has(key) && value > 1) throw new Error(`fault ${name} is a probability between 0 and 1`);
    out[key] = value;
  }
  return out;
}
