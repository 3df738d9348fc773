/** Thrown by readLimitedBytes when the body is larger than allowed; mapped to FhirError "too_large". */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`response body exceeds ${limit} bytes`);
    this.name = "BodyTooLargeError";
  }
}

/**
 * Read a response body into memory, stopping as soon as it passes `maxBytes`. A declared
 * Content-Length above the cap fails before any byte is read. On overflow the stream is cancelled
 * so the connection is torn down instead of draining a huge document we will not use.
 */
export async function readLimitedBytes(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new BodyTooLargeError(maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** Parse bytes as JSON; undefined when empty or not JSON (callers decide whether that is an error). */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  } catch {
    return undefined;
  }
}

/** The media type of a response without parameters, lower-cased (`application/fhir+json`). */
export function mediaType(response: Response): string | undefined {
  const value = response.headers.get("content-type");
  return value ? value.split(";")[0]?.trim().toLowerCase() : undefined;
}
