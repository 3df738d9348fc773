import type { Resource } from "@medplum/fhirtypes";
import { isOperationOutcome, summarizeOutcome, type OutcomeIssue } from "./operation-outcome";

/** Why a search returned nothing, when the server said so with an OperationOutcome. */
export interface NoData {
  /** Log-safe, e.g. "4101 Resource request returns no results." */
  reason: string;
  /** The details code of the first issue (Epic's "4101", "59204", …), if any. */
  code: string | null;
  issues: OutcomeIssue[];
}

/** One searchset page split into what callers need. */
export interface SearchsetPage<T extends Resource> {
  /** Entries of the searched type (search.mode `match` or unset). */
  resources: T[];
  /** `_include`d and other-type entries, OperationOutcomes excluded. */
  included: Resource[];
  /** Issues from OperationOutcome entries that came alongside real results (e.g. 59204 "suppressed"). */
  warnings: OutcomeIssue[];
  /** Set when the page held OperationOutcomes and no results: Epic's way of saying "nothing found". */
  noData: NoData | undefined;
  nextUrl: string | undefined;
  total: number | undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** True when the value is a Bundle of the given type (any type when omitted). */
export function isBundle(value: unknown, type?: string): boolean {
  return isRecord(value) && value.resourceType === "Bundle" && (type === undefined || value.type === type);
}

/** The resources in a bundle's entries, in order, skipping entries without a resource. */
export function getBundleResources(bundle: unknown): Resource[] {
  if (!isRecord(bundle) || !Array.isArray(bundle.entry)) return [];
  return (bundle.entry as unknown[]).flatMap((entry) =>
    isRecord(entry) && isRecord(entry.resource) && typeof entry.resource.resourceType === "string"
      ? [entry.resource as unknown as Resource]
      : [],
  );
}

/** The `next` link URL of a bundle, if any. */
export function getNextLink(bundle: unknown): string | undefined {
  if (!isRecord(bundle) || !Array.isArray(bundle.link)) return undefined;
  for (const link of bundle.link as unknown[]) {
    if (isRecord(link) && link.relation === "next" && typeof link.url === "string" && link.url !== "") {
      return link.url;
    }
  }
  return undefined;
}

/** Build the NoData record from the issues of OperationOutcome-only searchsets. */
export function toNoData(issues: OutcomeIssue[]): NoData {
  const first = issues[0];
  const reason = first ? [first.detailCode, first.text ?? first.code].filter(Boolean).join(" ") : "no results";
  return { reason, code: first?.detailCode ?? null, issues };
}

/**
 * Split a searchset page into results, includes, warnings and paging. A page whose only entries
 * are OperationOutcomes (Epic's 4101 "no results", 59204 "not authorized for sub-type", …) yields
 * `resources: []` with `noData` set instead of being mistaken for an error or silently empty.
 */
export function readSearchset<T extends Resource>(bundle: unknown, resourceType: T["resourceType"]): SearchsetPage<T> {
  const resources: T[] = [];
  const included: Resource[] = [];
  const issues: OutcomeIssue[] = [];
  const entries = isRecord(bundle) && Array.isArray(bundle.entry) ? (bundle.entry as unknown[]) : [];
  for (const entry of entries) {
    if (!isRecord(entry) || !isRecord(entry.resource)) continue;
    const resource = entry.resource;
    const mode = isRecord(entry.search) ? entry.search.mode : undefined;
    if (isOperationOutcome(resource) || mode === "outcome") {
      issues.push(...summarizeOutcome(resource));
    } else if (resource.resourceType === resourceType && mode !== "include") {
      resources.push(resource as unknown as T);
    } else if (typeof resource.resourceType === "string") {
      included.push(resource as unknown as Resource);
    }
  }
  const noData = resources.length === 0 && issues.length > 0 ? toNoData(issues) : undefined;
  const total = isRecord(bundle) && typeof bundle.total === "number" ? bundle.total : undefined;
  return { resources, included, warnings: noData ? [] : issues, noData, nextUrl: getNextLink(bundle), total };
}
