import { createServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { handleControl } from "./control-api";
import { bearerOf } from "./fhir/bearer-check";
import { handleFhirRequest } from "./fhir/fhir-endpoint";
import type { FhirStore } from "./fhir/fhir-store";
import { send, sendHtml } from "./http/http-utils";
import { handleInteraction, isInteractionPath } from "./oauth/interaction-routes";
import { mergeClients } from "./sandbox-clients";
import { SandboxState } from "./sandbox-state";
import type { CorpusSummary, EpicRules, EpicSandbox, SandboxOptions, SandboxUrls } from "./sandbox-types";
import { sandboxUsers } from "./sandbox-users";

export type { EpicSandbox, SandboxOptions, SandboxStats, SandboxClient, EpicRules, LaunchContext, SandboxUrls, CorpusSummary } from "./sandbox-types";

export const defaultRules: EpicRules = {
  requireBearer: true,
  checkScopes: true,
  observationNeedsCategoryOrCode: true,
  conditionNeedsCategory: true,
  outcomeInEmptySearchset: true,
  clinicalNoteCreateRules: true,
  rotateRefreshTokens: false,
  allowAnyLoopbackRedirect: true,
  patientCompartment: true,
  launchScopeNeedsLaunch: true,
};

const fhirPath = "/api/FHIR/R4";

function listen(server: ReturnType<typeof createServer>, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Starts the sandbox: SMART authorization server under /oauth2, FHIR R4 under /api/FHIR/R4, control API.
 * It binds the port first (`onListening` fires then) and loads oidc-provider, the FHIR definitions and
 * the seed afterwards; requests that arrive meanwhile wait for the part they need. The promise
 * resolves once everything is loaded.
 */
export async function startEpicSandbox(options: SandboxOptions = {}): Promise<EpicSandbox> {
  const rules: EpicRules = { ...defaultRules, ...options.rules };
  const now = options.now ?? (() => new Date());
  // RSA key generation runs on the thread pool, so it overlaps with binding and module loading.
  const keyReady = import("./oauth/signing-key").then((m) => m.signingKey());
  // Nothing creates patients at runtime (Epic's FHIR API cannot), so the count is fixed at load.
  let patients = 0;
  let corpus: CorpusSummary | null = null;
  const state = new SandboxState(() => patients);
  if (options.faults) state.setFaults(options.faults);

  const server = createServer();
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, options.port ?? 0, host);
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const origin = `http://${urlHost}:${port}`;
  const fhirBase = `${origin}${fhirPath}`;
  const issuer = `${origin}/oauth2`;
  const urls = {
    fhirBase,
    issuer,
    authorizeEndpoint: `${issuer}/authorize`,
    tokenEndpoint: `${issuer}/token`,
    jwksUri: `${issuer}/jwks`,
  };
  const clients = mergeClients(options.clients);
  const close = () =>
    new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
  options.onListening?.({ port, origin, ...urls } satisfies SandboxUrls);

  const oauthReady = (async () => {
    const [{ createAuthorizationServer }, key] = await Promise.all([import("./oauth/create-authorization-server"), keyReady]);
    const provider = createAuthorizationServer({
      issuer,
      fhirBase,
      tokenEndpoint: urls.tokenEndpoint,
      clients,
      state,
      rules,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
      signingKey: key,
    });
    if (options.verbose) provider.on("server_error", (_ctx: unknown, error: unknown) => console.error("[epic-sandbox] oauth", error));
    return { provider, callback: provider.callback() };
  })();
  const dataReady = (async (): Promise<FhirStore> => {
    const [{ FhirStore }, { loadSandboxData }] = await Promise.all([import("./fhir/fhir-store"), import("./load-sandbox-data")]);
    const store = new FhirStore();
    corpus = await loadSandboxData(store, {
      defaultSeed: options.defaultSeed ?? true,
      seedDirs: options.seedDirs ?? [],
      ...(options.corpusDir ? { corpusDir: options.corpusDir } : {}),
      now: now(),
      timeZone: options.timeZone ?? "America/New_York",
    });
    patients = await store.count("Patient");
    return store;
  })();
  const fhirDeps = { state, rules, urls, defaultPageSize: options.defaultPageSize ?? 50, startedAt: new Date().toISOString() };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<number | undefined> {
    const url = new URL(req.url ?? "/", origin);
    if (url.pathname === fhirPath || url.pathname.startsWith(`${fhirPath}/`)) {
      return handleFhirRequest(req, res, url, { ...fhirDeps, store: await dataReady });
    }
    if (isInteractionPath(url.pathname)) return void (await handleInteraction(req, res, (await oauthReady).provider, state, url.pathname));
    if (url.pathname === "/oauth2" || url.pathname.startsWith("/oauth2/")) {
      const { callback } = await oauthReady;
      // oidc-provider routes without its mount path; originalUrl tells it where it is mounted.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      req.url = (req.url ?? "/").slice("/oauth2".length) || "/";
      await callback(req, res);
      return undefined;
    }
    if (url.pathname.startsWith("/_sandbox/")) {
      // Stats count the loaded patients, and a test that reads them expects a loaded sandbox.
      await Promise.all([oauthReady, dataReady]);
      return handleControl(req, res, url.pathname, state, fhirBase);
    }
    if (url.pathname === "/") {
      sendHtml(res, 200, `<!doctype html><title>Epic sandbox</title><h1>Epic sandbox</h1><ul><li>FHIR base: ${fhirBase}</li><li>Issuer: ${issuer}</li></ul>`);
      return 200;
    }
    send(res, 404, "not found", { "Content-Type": "text/plain" });
    return 404;
  }

  server.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    const started = new Date().toISOString();
    res.on("close", () => {
      if (path.startsWith("/_sandbox/")) return;
      state.logRequest({
        at: started,
        method: req.method ?? "GET",
        path,
        status: res.headersSent ? res.statusCode : 0,
        bearer: bearerOf(req),
        epicClientId: (req.headers["epic-client-id"] as string | undefined) ?? null,
      });
    });
    route(req, res).catch((error: unknown) => {
      if (options.verbose) console.error("[epic-sandbox]", error);
      if (!res.headersSent) send(res, 500, "sandbox error", { "Content-Type": "text/plain" });
      else res.destroy();
    });
  });

  try {
    await Promise.all([oauthReady, dataReady]);
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }

  return {
    port,
    origin,
    fhirBase,
    issuer,
    tokenEndpoint: urls.tokenEndpoint,
    authorizeEndpoint: urls.authorizeEndpoint,
    jwksUri: urls.jwksUri,
    clients,
    practitioners: Object.fromEntries(sandboxUsers.map((u) => [u.username, u.practitionerId])),
    corpus,
    close,
    stats: () => state.stats(),
    setFaults: (spec) => state.setFaults(spec),
    expireTokens: () => state.expireTokens(),
    resetStats: () => state.resetStats(),
    mintLaunch: (ctx) => state.mintLaunch(ctx),
    putResources: async (resources) => {
      const lastUpdated = new Date().toISOString();
      await (await dataReady).put(resources.map((r) => (r.meta?.lastUpdated ? r : { ...r, meta: { ...r.meta, lastUpdated } })));
    },
  };
}
