import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, send, sendJson } from "../http/http-utils";
import { fhirResourceTypes } from "../oauth/smart-scopes";
import type { SandboxState } from "../sandbox-state";
import type { EpicRules } from "../sandbox-types";
import { binaryRead } from "./binary-read";
import { checkBearer } from "./bearer-check";
import { createDocumentReference } from "./create-document-reference";
import { capabilityStatement, smartConfiguration } from "./discovery-documents";
import type { DiscoveryUrls } from "./discovery-documents";
import { checkEpicSearchRules } from "./epic-search-rules";
import { toFhirXml, wantsXml } from "./fhir-xml";
import type { FhirStore } from "./fhir-store";
import { outcome } from "./operation-outcome";
import { compartmentOf, compartmentRefusal, createAllowed, inCompartment } from "./patient-compartment";
import type { Compartment } from "./patient-compartment";
import { searchWithPaging } from "./search-with-paging";

export interface FhirEndpointDeps {
  store: FhirStore;
  state: SandboxState;
  rules: EpicRules;
  urls: DiscoveryUrls;
  defaultPageSize: number;
  startedAt: string;
}

const fhirType = "application/fhir+json";
const known = new Set<string>(fhirResourceTypes);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function fail(res: ServerResponse, status: number, text: string, code: "not-found" | "not-supported" | "throttled" | "transient" = "not-found"): number {
  sendJson(res, status, outcome("error", code, text), fhirType);
  return status;
}

/** Handles everything under the FHIR base; returns the status sent (0 when the connection was cut). */
export async function handleFhirRequest(req: IncomingMessage, res: ServerResponse, url: URL, deps: FhirEndpointDeps): Promise<number> {
  const { store, state, rules, urls } = deps;
  const basePath = new URL(urls.fhirBase).pathname;
  const segments = url.pathname.slice(basePath.length).split("/").filter(Boolean).map(decodeURIComponent);
  const method = req.method ?? "GET";

  if (method === "GET" && segments.join("/") === ".well-known/smart-configuration") {
    sendJson(res, 200, smartConfiguration(urls));
    return 200;
  }
  if (method === "GET" && (segments.length === 0 || segments.join("/") === "metadata")) {
    const statement = capabilityStatement(urls, deps.startedAt);
    if (wantsXml(url, req.headers.accept)) {
      // Loaded here, not at start-up: the definitions are indexed by then (the FHIR store needs them).
      const { tryGetDataType } = await import("@medplum/core");
      send(res, 200, toFhirXml(statement, (type) => tryGetDataType(type)), { "Content-Type": "application/fhir+xml; charset=utf-8" });
      return 200;
    }
    sendJson(res, 200, statement, fhirType);
    return 200;
  }

  state.count("fhirRequests");
  const { faults } = state;
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  if (state.roll(faults.status429)) {
    res.setHeader("Retry-After", "1");
    return fail(res, 429, "Too many requests (sandbox fault).", "throttled");
  }
  if (state.roll(faults.status503)) return fail(res, 503, "Service unavailable (sandbox fault).", "transient");

  const [type = "", id, extra] = segments;
  if (!known.has(type) || extra !== undefined) return fail(res, 404, `Unknown resource or operation: ${segments.join("/")}`);
  const write = method === "POST" && id === undefined;
  const auth = checkBearer(req, state, rules, type, write ? "write" : "read");
  if (!auth.ok) {
    res.setHeader("WWW-Authenticate", auth.wwwAuthenticate);
    if (auth.body) sendJson(res, auth.status, auth.body, fhirType);
    else send(res, auth.status, "");
    return auth.status;
  }
  const compartment = compartmentOf(auth.token, rules, type, write ? "write" : "read");

  if ((method === "GET" && id === undefined) || (method === "POST" && id === "_search")) {
    const query = new URLSearchParams(url.search);
    if (method === "POST") for (const [k, v] of new URLSearchParams((await readBody(req)).toString("utf8"))) query.append(k, v);
    const refused = query.has("_page") ? undefined : checkEpicSearchRules(type, query, rules);
    if (refused) {
      sendJson(res, 400, refused, fhirType);
      return 400;
    }
    const result = await searchWithPaging(store, type, query, {
      fhirBase: urls.fhirBase,
      defaultPageSize: deps.defaultPageSize,
      outcomeInEmptySearchset: rules.outcomeInEmptySearchset,
      compartment,
    });
    sendJson(res, result.status, result.body, fhirType);
    return result.status;
  }
  if (method === "GET" && id !== undefined) {
    const found = await store.readByName(type, id);
    if (found && !(await inCompartment(store, type, id, compartment))) {
      sendJson(res, 403, compartmentRefusal(), fhirType);
      return 403;
    }
    if (type === "Binary") return binaryRead(res, store, id, req.headers.accept ?? "");
    if (!found) return fail(res, 404, `${type}/${id} was not found.`);
    sendJson(res, 200, found, fhirType);
    return 200;
  }
  if (write && type === "DocumentReference") return createNote(req, res, deps, compartment);
  return fail(res, 405, `${method} ${type} is not supported by this Epic sandbox.`, "not-supported");
}

async function createNote(req: IncomingMessage, res: ServerResponse, deps: FhirEndpointDeps, compartment: Compartment): Promise<number> {
  let body: unknown;
  try {
    body = JSON.parse((await readBody(req)).toString("utf8"));
  } catch {
    return fail(res, 400, "The body is not JSON.", "not-supported");
  }
  if (!createAllowed((body as { subject?: { reference?: string } } | null)?.subject?.reference, compartment)) {
    sendJson(res, 403, compartmentRefusal(), fhirType);
    return 403;
  }
  const result = await createDocumentReference(deps.store, body, deps.rules.clinicalNoteCreateRules);
  if (!result.ok) {
    sendJson(res, result.status, result.body, fhirType);
    return result.status;
  }
  const doc = result.resource;
  deps.state.recordCreated({
    id: doc.id,
    patient: doc.subject?.reference?.replace(/^Patient\//, "") ?? "",
    identifier: (doc.identifier ?? []).map((i) => ({ ...(i.system ? { system: i.system } : {}), ...(i.value ? { value: i.value } : {}) })),
    relatesTo: (doc.relatesTo ?? []).map((r) => ({ code: r.code, ...(r.target?.reference ? { target: r.target.reference } : {}) })),
  });
  if (deps.state.roll(deps.state.faults.dropAfterCreate)) {
    // The note is filed, but the client never learns it: the case a write ledger must mark Unknown.
    req.socket.destroy();
    return 0;
  }
  const location = `DocumentReference/${doc.id}`;
  if (/return=representation/.test(String(req.headers.prefer ?? ""))) {
    send(res, 201, JSON.stringify(doc), { "Content-Type": `${fhirType}; charset=utf-8`, Location: location });
  } else {
    send(res, 201, "", { Location: location });
  }
  return 201;
}
