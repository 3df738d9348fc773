/**
 * FHIR JSON → FHIR XML (https://hl7.org/fhir/R4/xml.html), for the few answers Epic gives in XML.
 * Rules: the resource type is the root element in the FHIR namespace; primitives are `value`
 * attributes (their `_name` siblings add `id` and extensions); `id` of a non-resource element and
 * `url` of an extension are attributes; arrays repeat the element; nested resources are wrapped in an
 * element named after the resource type; Narrative `div` is XHTML, copied as it is. XML requires
 * elements in the order of the definition: given `schemaOf`, children follow it (choice elements
 * such as `valueUri` take the place of `value[x]`), and anything the schema does not name, or every
 * element when there is no schema, keeps its JSON order.
 */

export interface XmlTypeSchema {
  /** Element names in definition order (`value[x]` for choices), each with its type codes. */
  elements: Record<string, { type: ReadonlyArray<{ code: string }> }>;
}

export type SchemaLookup = (typeName: string) => XmlTypeSchema | undefined;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const fhirNamespace = "http://hl7.org/fhir";

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

const isObject = (v: Json | undefined): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);
const isResource = (v: Json | undefined): boolean => isObject(v) && typeof v.resourceType === "string";
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** JSON keys in schema order: each key with the element type it has (undefined when unknown). */
function orderedKeys(obj: JsonObject, schema: XmlTypeSchema | undefined): Array<[string, string | undefined]> {
  const keys = Object.keys(obj).filter((k) => !k.startsWith("_") && k !== "resourceType");
  // A key that only has its `_` sibling (a primitive with an extension but no value) still counts.
  for (const k of Object.keys(obj)) if (k.startsWith("_") && !(k.slice(1) in obj)) keys.push(k.slice(1));
  if (!schema) return keys.map((k) => [k, undefined]);
  const out: Array<[string, string | undefined]> = [];
  const placed = new Set<string>();
  for (const [name, element] of Object.entries(schema.elements)) {
    if (name.endsWith("[x]")) {
      const stem = name.slice(0, -3);
      for (const t of element.type) {
        const key = stem + capitalised(t.code);
        if (keys.includes(key)) {
          out.push([key, t.code]);
          placed.add(key);
        }
      }
    } else if (keys.includes(name)) {
      out.push([name, element.type.length === 1 ? element.type[0]?.code : undefined]);
      placed.add(name);
    }
  }
  for (const k of keys) if (!placed.has(k)) out.push([k, undefined]);
  return out;
}

function primitive(name: string, value: Json | undefined, meta: Json | undefined, schemaOf: SchemaLookup | undefined): string {
  const id = isObject(meta) && typeof meta.id === "string" ? ` id="${escapeAttr(meta.id)}"` : "";
  const valueAttr = value === null || value === undefined ? "" : ` value="${escapeAttr(String(value))}"`;
  const extensions = isObject(meta) ? children({ ...meta, id: null }, schemaOf?.("Element"), schemaOf) : "";
  return extensions ? `<${name}${id}${valueAttr}>${extensions}</${name}>` : `<${name}${id}${valueAttr}/>`;
}

function complex(name: string, value: JsonObject, typeName: string | undefined, schemaOf: SchemaLookup | undefined): string {
  if (isResource(value)) return `<${name}>${resource(value, schemaOf, "")}</${name}>`;
  const id = typeof value.id === "string" ? ` id="${escapeAttr(value.id)}"` : "";
  const url = name.endsWith("xtension") && typeof value.url === "string" ? ` url="${escapeAttr(value.url)}"` : "";
  const rest: JsonObject = { ...value, id: null, ...(url ? { url: null } : {}) };
  const body = children(rest, typeName ? schemaOf?.(typeName) : undefined, schemaOf);
  return body ? `<${name}${id}${url}>${body}</${name}>` : `<${name}${id}${url}/>`;
}

function element(name: string, value: Json | undefined, meta: Json | undefined, typeName: string | undefined, schemaOf: SchemaLookup | undefined): string {
  if (typeName === "xhtml" || (name === "div" && typeof value === "string" && value.trimStart().startsWith("<"))) {
    return String(value);
  }
  if (isObject(value)) return complex(name, value, typeName, schemaOf);
  return primitive(name, value, meta, schemaOf);
}

/** A resource's own id is an element; other elements' ids are attributes, nulled by the caller. */
function children(obj: JsonObject, schema: XmlTypeSchema | undefined, schemaOf: SchemaLookup | undefined): string {
  let out = "";
  for (const [key, typeName] of orderedKeys(obj, schema)) {
    const value = obj[key];
    const meta = obj[`_${key}`];
    if ((value === null || value === undefined) && !isObject(meta) && !Array.isArray(meta)) continue;
    if (Array.isArray(value) || Array.isArray(meta)) {
      const values = Array.isArray(value) ? value : [];
      const metas = Array.isArray(meta) ? meta : [];
      const length = Math.max(values.length, metas.length);
      for (let i = 0; i < length; i++) out += element(key, values[i] ?? null, metas[i] ?? null, typeName, schemaOf);
    } else {
      out += element(key, value, meta, typeName, schemaOf);
    }
  }
  return out;
}

/** Nested resources inherit the default namespace from the root. */
function resource(value: JsonObject, schemaOf: SchemaLookup | undefined, namespaceAttr: string): string {
  const type = String(value.resourceType);
  return `<${type}${namespaceAttr}>${children(value, schemaOf?.(type), schemaOf)}</${type}>`;
}

/** Serialises one FHIR resource (JSON form) as FHIR XML, with the XML declaration. */
export function toFhirXml(value: { resourceType: string }, schemaOf?: SchemaLookup): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${resource(value as unknown as JsonObject, schemaOf, ` xmlns="${fhirNamespace}"`)}`;
}

/**
 * Does the request ask for XML: `_format` naming xml, or an Accept with xml and no json? Epic answers
 * /metadata in XML when no Accept is sent at all; the sandbox keeps JSON then, because fetch always
 * sends a wildcard Accept and the app's own discovery expects JSON.
 */
export function wantsXml(url: URL, accept: string | undefined): boolean {
  const format = url.searchParams.get("_format");
  if (format) return /xml/i.test(format);
  if (!accept) return false;
  return /xml/i.test(accept) && !/json/i.test(accept);
}
