type SearchParamValue = string | number | boolean;

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** Search parameters; an array repeats the parameter (`date=ge…&date=le…`), undefined drops it. */
export type SearchParams = Readonly<Record<string, SearchParamValue | readonly SearchParamValue[] | undefined>>;

/** Normalise a FHIR base URL: no trailing slash, must be http(s). */
export function normalizeBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new TypeError("FHIR base URL must be http(s)");
  return url.href.replace(/\/+$/, "");
}

/** Serialise search parameters in a stable order (sorted keys) so URLs are deterministic. */
export function toQueryString(params: SearchParams): string {
  const query = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value === undefined) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values as readonly SearchParamValue[]) query.append(key, String(v));
  }
  return query.toString();
}

/** `{base}/{type}/{id}`, with the id percent-encoded (Epic ids may hold `.` and `-`). */
export function resourceUrl(baseUrl: string, type: string, id?: string): string {
  return id === undefined ? `${baseUrl}/${type}` : `${baseUrl}/${type}/${encodeURIComponent(id)}`;
}

/** `{base}/{type}?{query}`. */
export function searchUrl(baseUrl: string, type: string, params: SearchParams): string {
  const query = toQueryString(params);
  return query ? `${baseUrl}/${type}?${query}` : `${baseUrl}/${type}`;
}

/**
 * True when `url` is on the FHIR server's origin and under its base path. The bearer token is only
 * ever sent there: a `next` link or attachment URL pointing elsewhere must not receive it.
 */
export function isUnderBase(baseUrl: string, url: string): boolean {
  try {
    const target = new URL(url);
    const base = new URL(baseUrl);
    return target.origin === base.origin && `${target.pathname}/`.startsWith(`${base.pathname.replace(/\/+$/, "")}/`);
  } catch {
    return false;
  }
}

/**
 * Resolve a Binary reference (`abc`, `Binary/abc`, or an absolute URL) to an absolute URL.
 * Returns undefined for anything that is not a Binary under the base (file:, other hosts).
 */
export function binaryUrl(baseUrl: string, idOrUrl: string): string | undefined {
  const value = idOrUrl.trim();
  if (value === "") return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return isUnderBase(baseUrl, value) ? value : undefined;
  const relative = value.replace(/^\/+/, "");
  if (relative.startsWith("Binary/")) {
    const id = relative.slice("Binary/".length);
    const decoded = id && !id.includes("/") ? safeDecode(id) : undefined;
    return decoded ? resourceUrl(baseUrl, "Binary", decoded) : undefined;
  }
  return relative.includes("/") ? undefined : resourceUrl(baseUrl, "Binary", relative);
}

/**
 * Parse a create's Location header (`DocumentReference/123`, absolute, or with `/_history/1`).
 * Epic sends it relative, other servers absolute.
 */
export function parseLocation(location: string | null): { id: string; versionId: string | undefined } | undefined {
  if (!location) return undefined;
  let path = location.trim();
  try {
    path = new URL(path).pathname;
  } catch {
    // relative: keep as is
  }
  const match = /([A-Za-z]+)\/([^/]+)(?:\/_history\/([^/]+))?\/?$/.exec(path);
  const id = match?.[2] ? safeDecode(match[2]) : undefined;
  if (!id) return undefined;
  return { id, versionId: match?.[3] ? safeDecode(match[3]) : undefined };
}
