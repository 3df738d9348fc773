import type { Binary } from "@medplum/fhirtypes";
import { FhirError } from "./fhir-error";
import type { BinaryBytes, BinaryOptions } from "./fhir-client-types";
import { binaryUrl } from "./fhir-url";
import { mediaType, parseJsonBytes, readLimitedBytes } from "./read-body";
import { sendFhirRequest, type TransportConfig } from "./send-fhir-request";

const jsonTypes = new Set(["application/fhir+json", "application/json", "application/json+fhir"]);

function isBinary(value: unknown): value is Binary {
  return typeof value === "object" && value !== null && (value as { resourceType?: unknown }).resourceType === "Binary";
}

function decodeBinaryData(binary: Binary): Uint8Array {
  return typeof binary.data === "string" ? new Uint8Array(Buffer.from(binary.data, "base64")) : new Uint8Array(0);
}

/**
 * Download a Binary (`id`, `Binary/<id>` as Epic puts in attachment.url, or an absolute URL under
 * the base) with a hard size cap. For `json` the cap applies to the JSON text, which is about 4/3
 * of the content because of base64. Raw downloads that come back as a FHIR Binary are decoded.
 */
export async function downloadBinary(
  config: TransportConfig,
  baseUrl: string,
  idOrUrl: string,
  opts: BinaryOptions,
): Promise<BinaryBytes | Binary> {
  const url = binaryUrl(baseUrl, idOrUrl);
  if (!url) {
    // Never send the bearer token to a URL outside the FHIR server.
    throw new FhirError({
      kind: "invalid_request",
      operation: "binary",
      resourceType: "Binary",
      reason: "attachment URL is not a Binary on this FHIR server",
    });
  }
  const accept = opts.as === "json" ? "application/fhir+json" : (opts.contentType ?? "*/*");
  return sendFhirRequest(config, {
    method: "GET",
    url,
    operation: "binary",
    resourceType: "Binary",
    headers: { accept },
    signal: opts.signal,
    budget: opts.budget,
    read: async (response): Promise<BinaryBytes | Binary> => {
      const type = mediaType(response);
      const bytes = await readLimitedBytes(response, opts.maxBytes);
      const isJson = type !== undefined && jsonTypes.has(type);
      const parsed = isJson ? parseJsonBytes(bytes) : undefined;
      if (opts.as === "json") {
        if (isBinary(parsed)) return parsed;
        if (isJson) {
          throw new FhirError({ kind: "invalid_response", operation: "binary", resourceType: "Binary", reason: "not a Binary" });
        }
        // The server ignored Accept and sent raw content: wrap it so callers get one shape.
        return { resourceType: "Binary", contentType: type ?? "application/octet-stream", data: Buffer.from(bytes).toString("base64") };
      }
      if (isBinary(parsed)) return { bytes: decodeBinaryData(parsed), contentType: parsed.contentType ?? undefined };
      return { bytes, contentType: type };
    },
  });
}
