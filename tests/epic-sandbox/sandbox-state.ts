import { randomBytes } from "node:crypto";
import { noFaults, parseFaultSpec } from "./fault-spec";
import type { FaultSpec } from "./fault-spec";
import type { DocumentReferenceCreated, LaunchContext, RequestLogEntry, SandboxStats } from "./sandbox-types";

/** What the FHIR side needs to know about an access token the authorization server issued. */
export interface IssuedToken {
  clientId: string;
  /** Granted scopes, v1 spelling. */
  scopes: string[];
  expiresAt: number;
  patient?: string;
  encounter?: string;
  practitioner?: string;
}

/** Context captured when a code is issued (keyed by code, and by grant id for refreshes). */
export interface GrantContext extends Partial<LaunchContext> {
  state?: string;
}

const launchTtlMs = 5 * 60_000;
const maxLog = 2000;

/** Mutable state shared by the authorization server, the FHIR endpoint and the control API. */
export class SandboxState {
  faults: FaultSpec = { ...noFaults };
  readonly tokens = new Map<string, IssuedToken>();
  readonly grants = new Map<string, GrantContext>();
  readonly codes = new Map<string, GrantContext>();
  private readonly launches = new Map<string, LaunchContext & { expiresAt: number }>();
  private counters = { tokenRequests: 0, refreshRequests: 0, fhirRequests: 0 };
  private created: DocumentReferenceCreated[] = [];
  private log: RequestLogEntry[] = [];

  constructor(readonly countPatients: () => number) {}

  setFaults(spec: string): void {
    this.faults = parseFaultSpec(spec);
  }

  /** Consumes one unit of a counted fault (refresh-invalid-grant, jwks-fail). */
  takeFault(name: "refreshInvalidGrant" | "jwksFail"): boolean {
    if (this.faults[name] <= 0) return false;
    this.faults[name] -= 1;
    return true;
  }

  roll(probability: number): boolean {
    return probability > 0 && Math.random() < probability;
  }

  count(name: keyof SandboxState["counters"]): void {
    this.counters[name] += 1;
  }

  recordCreated(entry: DocumentReferenceCreated): void {
    this.created.push(entry);
  }

  logRequest(entry: RequestLogEntry): void {
    this.log.push(entry);
    if (this.log.length > maxLog) this.log.splice(0, this.log.length - maxLog);
  }

  expireTokens(): void {
    for (const token of this.tokens.values()) token.expiresAt = 0;
  }

  resetStats(): void {
    this.counters = { tokenRequests: 0, refreshRequests: 0, fhirRequests: 0 };
    this.created = [];
    this.log = [];
  }

  stats(): SandboxStats {
    return {
      ...this.counters,
      documentReferencesCreated: this.created.map((c) => structuredClone(c)),
      patients: this.countPatients(),
      requests: this.log.map((r) => ({ ...r })),
    };
  }

  mintLaunch(ctx: LaunchContext): string {
    const launch = randomBytes(18).toString("base64url");
    this.launches.set(launch, { ...ctx, expiresAt: Date.now() + launchTtlMs });
    return launch;
  }

  findLaunch(launch: string): LaunchContext | undefined {
    const found = this.launches.get(launch);
    if (!found || found.expiresAt < Date.now()) return undefined;
    const { expiresAt: _expiresAt, ...ctx } = found;
    return ctx;
  }
}
