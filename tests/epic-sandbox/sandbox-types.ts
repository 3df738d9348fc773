/** Public types of the Epic sandbox. Other code imports these; keep names stable (add, do not rename). */
import type { Resource } from "@medplum/fhirtypes";

export type TokenEndpointAuthMethod = "client_secret_basic" | "client_secret_post" | "private_key_jwt" | "none";

export interface SandboxClient {
  clientId: string;
  /** Only for client_secret_basic / client_secret_post clients. */
  clientSecret?: string;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  redirectUris: string[];
  grantTypes: Array<"authorization_code" | "refresh_token" | "client_credentials">;
  /** Epic's "Requires Persistent Access": confidential clients with it get a (non-rotating) refresh token. */
  persistentAccess?: boolean;
  /** For private_key_jwt: where the sandbox fetches the client's public keys (Epic: JKU / JWK Set URL). */
  jwksUri?: string;
  /** Epic grants the APIs registered on the client, in v1 spelling, whatever is requested (backend clients). */
  registeredScopes?: string[];
}

/** Epic behaviours layered over fhir-router; each one can be switched off for a test. */
export interface EpicRules {
  requireBearer: boolean;
  checkScopes: boolean;
  /** Observation search needs category or code (400 otherwise). */
  observationNeedsCategoryOrCode: boolean;
  /** Condition search needs category (400 otherwise). */
  conditionNeedsCategory: boolean;
  /** Empty searchsets carry one OperationOutcome entry (search.mode "outcome"), as Epic's do. */
  outcomeInEmptySearchset: boolean;
  /** DocumentReference create: one text/plain base64 attachment, subject, encounter of that patient, docStatus. */
  clinicalNoteCreateRules: boolean;
  /** Refresh tokens rotate on use (Epic default: they do not). */
  rotateRefreshTokens: boolean;
  /** Accept any http://localhost:* or http://127.0.0.1:* redirect URI ending in the registered path. */
  allowAnyLoopbackRedirect: boolean;
  /**
   * A request allowed only by patient/ scopes reaches only the token's patient compartment: other
   * patients' resources answer 403 with an OperationOutcome, searches are limited to that patient.
   */
  patientCompartment: boolean;
  /** The `launch` scope without a `launch` parameter is refused at /authorize (invalid_request). */
  launchScopeNeedsLaunch: boolean;
}

export interface SandboxOptions {
  /** 0 = a random free port. Default 0 in-process; the CLI defaults to 4010. */
  port?: number;
  host?: string;
  seedDirs?: string[];
  /** Load the built-in synthetic seed (default true). */
  defaultSeed?: boolean;
  /**
   * A folder laid out like ../shared/corpus: with the default seed, also load its
   * `synthea-qicore-exafluence` bundles (as --seed does) and a handful of `clinocr-bench` files as
   * documents of the seed patients. Unset (the in-process default): no corpus. A missing folder is
   * not an error; `EpicSandbox.corpus` says what was found. The CLI passes `<repo>/../shared/corpus`.
   */
  corpusDir?: string;
  /** Fault SPEC, see INTERFACES.md (e.g. "status-429=1,latency-ms=50"). */
  faults?: string;
  /** Access-token lifetime (default 3600). */
  tokenTtlSeconds?: number;
  /** Extra clients, added to the built-in ones (same clientId replaces the built-in one). */
  clients?: SandboxClient[];
  /** The sandbox practitioners' time zone, used for "today" on the schedule (default America/New_York). */
  timeZone?: string;
  /** The clock used for the schedule and seed dates (default: the real clock). Tokens use the real clock. */
  now?: () => Date;
  rules?: Partial<EpicRules>;
  /** Searchset page size when the request has no _count (Epic-like default 50). */
  defaultPageSize?: number;
  /** Print oidc-provider warnings and request errors (default false). */
  verbose?: boolean;
  /**
   * Called as soon as the port is bound, before oidc-provider, the FHIR definitions and the seed are
   * loaded (requests made meanwhile wait). The CLI prints its URLs here.
   */
  onListening?: (urls: SandboxUrls) => void;
}

/** What `corpusDir` contributed (null counts: that part of the corpus is absent). */
export interface CorpusSummary {
  /** The corpus root, absolute. */
  dir: string;
  /** False when the root folder does not exist; nothing was loaded then. */
  found: boolean;
  /** Patients read from `synthea-qicore-exafluence`. */
  syntheaPatients: number | null;
  /** DocumentReferences made from `clinocr-bench` files. */
  clinocrDocuments: number | null;
}

export interface SandboxUrls {
  port: number;
  origin: string;
  fhirBase: string;
  issuer: string;
  authorizeEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
}

export interface DocumentReferenceCreated {
  id: string;
  patient: string;
  identifier: Array<{ system?: string; value?: string }>;
  relatesTo: Array<{ code?: string; target?: string }>;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  /** Path and query, e.g. /api/FHIR/R4/Observation?patient=… */
  path: string;
  status: number;
  /** The bearer token sent, if any (tests compare it with the one they were issued). */
  bearer: string | null;
  epicClientId: string | null;
}

export interface SandboxStats {
  tokenRequests: number;
  refreshRequests: number;
  fhirRequests: number;
  documentReferencesCreated: DocumentReferenceCreated[];
  patients: number;
  /** Newest last; capped at 2000 entries. */
  requests: RequestLogEntry[];
}

export interface LaunchContext {
  patient: string;
  encounter?: string;
  practitioner?: string;
}

export interface EpicSandbox {
  port: number;
  origin: string;
  fhirBase: string;
  /** OIDC issuer: origin + /oauth2 (Epic: the FHIR base with /api/FHIR/R4 replaced by /oauth2). */
  issuer: string;
  tokenEndpoint: string;
  authorizeEndpoint: string;
  jwksUri: string;
  clients: SandboxClient[];
  /** The sandbox clinicians' practitioner ids by login name (FHIR, FHIRTWO). */
  practitioners: Record<string, string>;
  /** What the shared corpus added; null when no `corpusDir` was given or the default seed is off. */
  corpus: CorpusSummary | null;
  close(): Promise<void>;
  stats(): SandboxStats;
  setFaults(spec: string): void;
  expireTokens(): void;
  resetStats(): void;
  /** An EHR-launch token bound to a patient (and encounter, practitioner), valid for 5 minutes. */
  mintLaunch(ctx: LaunchContext): string;
  /**
   * Test hook, in-process only: stores resources as Epic holds them once a clinician records them
   * (a new result, an amended problem), stamped `meta.lastUpdated` now unless they carry one.
   */
  putResources(resources: Resource[]): Promise<void>;
}
