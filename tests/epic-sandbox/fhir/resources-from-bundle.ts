import { randomUUID } from "node:crypto";
import type { Bundle, Resource } from "@medplum/fhirtypes";

const uuidUrn = /^urn:uuid:([0-9a-fA-F-]{36})$/;
const absoluteRef = /\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]+)(?:\/_history\/[^/]+)?$/;

/** Rewrites every `reference` string found in `value` through `map`, in place. */
function rewriteReferences(value: unknown, map: ReadonlyMap<string, string>): void {
  if (Array.isArray(value)) {
    for (const item of value) rewriteReferences(item, map);
    return;
  }
  if (!value || typeof value !== "object") return;
  const obj = value as Record<string, unknown>;
  for (const [key, child] of Object.entries(obj)) {
    if (key === "reference" && typeof child === "string") {
      const mapped = map.get(child);
      if (mapped) obj[key] = mapped;
    } else {
      rewriteReferences(child, map);
    }
  }
}

/**
 * The resources of a bundle of any type, ready to store: each keeps its own id, else takes the uuid of
 * its urn:uuid fullUrl; references to fullUrls (urn:uuid or absolute) become "Type/id". Bundles nested
 * in entries are flattened the same way.
 */
export function resourcesFromBundle(bundle: Bundle): Resource[] {
  const map = new Map<string, string>();
  const out: Resource[] = [];
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource ? structuredClone(entry.resource) : undefined;
    if (!resource) continue;
    if (resource.resourceType === "Bundle") {
      out.push(...resourcesFromBundle(resource));
      continue;
    }
    const fullUrl = entry.fullUrl ?? "";
    const fromUrn = uuidUrn.exec(fullUrl)?.[1];
    const fromUrl = absoluteRef.exec(fullUrl);
    resource.id ??= fromUrn ?? (fromUrl?.[1] === resource.resourceType ? fromUrl[2] : undefined) ?? randomUUID();
    if (fullUrl) map.set(fullUrl, `${resource.resourceType}/${resource.id}`);
    out.push(resource);
  }
  for (const resource of out) rewriteReferences(resource, map);
  return out;
}
