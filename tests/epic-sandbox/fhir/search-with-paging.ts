import type { Bundle, BundleEntry, OperationOutcome } from "@medplum/fhirtypes";
import type { FhirStore } from "./fhir-store";
import { noResultsOutcome, outcome } from "./operation-outcome";
import { confineSearch } from "./patient-compartment";
import type { Compartment } from "./patient-compartment";

export interface SearchOptions {
  fhirBase: string;
  defaultPageSize: number;
  outcomeInEmptySearchset: boolean;
  /** Set when only patient/ scopes allow the search: it is confined to that patient (403 otherwise). */
  compartment?: Compartment;
}

interface Cursor {
  q: string;
  c: number;
  o: number;
}

/**
 * Epic publishes no per-API maximum (epic-smart-facts §6 lists it as open); the sandbox clamps larger
 * `_count` values to this, as servers that cap do, rather than refusing them.
 */
export const maxPageSize = 1000;

/** `_count` as asked, clamped to 1…maxPageSize; missing or not a positive number → the default. */
export function pageSize(requested: string | null, defaultPageSize: number): number {
  const n = Math.floor(Number(requested));
  if (requested === null || !Number.isFinite(n) || n < 1) return Math.min(defaultPageSize, maxPageSize);
  return Math.min(n, maxPageSize);
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(token: string): Cursor | undefined {
  try {
    const c = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Cursor;
    return typeof c.q === "string" && Number.isInteger(c.c) && Number.isInteger(c.o) ? c : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Type-level search through fhir-router with Epic-style paging: absolute `next` links carrying an
 * opaque `_page` cursor (Epic's are opaque too), `total`, `fullUrl` on each entry, and an
 * OperationOutcome entry in empty results. `query` is the request's query; a `_page` replaces it.
 */
export async function searchWithPaging(
  store: FhirStore,
  type: string,
  query: URLSearchParams,
  opts: SearchOptions,
): Promise<{ status: number; body: Bundle | OperationOutcome }> {
  let rest = new URLSearchParams(query);
  let count = pageSize(query.get("_count"), opts.defaultPageSize);
  let offset = Math.max(0, Math.floor(Number(query.get("_offset") ?? 0)) || 0);
  const page = query.get("_page");
  if (page) {
    const cursor = decodeCursor(page);
    if (!cursor) return { status: 400, body: outcome("error", "invalid", "The paging cursor is not valid.") };
    rest = new URLSearchParams(cursor.q);
    count = pageSize(String(cursor.c), opts.defaultPageSize);
    offset = Math.max(0, cursor.o);
  }
  for (const control of ["_count", "_offset", "_page"]) rest.delete(control);
  // Checked on the decoded cursor too: a next link is only as trustworthy as the client holding it.
  const refused = confineSearch(type, rest, opts.compartment);
  if (refused) return { status: 403, body: refused };

  const routed = new URLSearchParams(rest);
  routed.set("_count", String(count));
  routed.set("_offset", String(offset));
  const { outcome: result, resource } = await store.route("GET", `${type}?${routed}`);
  if (result.id !== "ok" || resource?.resourceType !== "Bundle") {
    return { status: 400, body: result };
  }

  const entries: BundleEntry[] = (resource.entry ?? []).map((e) => ({
    fullUrl: `${opts.fhirBase}/${e.resource?.resourceType}/${e.resource?.id}`,
    ...e,
  }));
  const total = resource.total ?? entries.length;
  const selfQuery = page ? `_page=${page}` : query.toString();
  const link: Bundle["link"] = [{ relation: "self", url: `${opts.fhirBase}/${type}${selfQuery ? `?${selfQuery}` : ""}` }];
  if (offset + count < total) {
    link.push({ relation: "next", url: `${opts.fhirBase}/${type}?_page=${encodeCursor({ q: rest.toString(), c: count, o: offset + count })}` });
  }
  if (entries.length === 0 && opts.outcomeInEmptySearchset) {
    entries.push({ resource: noResultsOutcome(), search: { mode: "outcome" } });
  }
  return { status: 200, body: { resourceType: "Bundle", type: "searchset", total, link, entry: entries } };
}
