import type { ServerResponse } from "node:http";
import type { Binary } from "@medplum/fhirtypes";
import { send, sendJson } from "../http/http-utils";
import type { FhirStore } from "./fhir-store";
import { outcome } from "./operation-outcome";

const fhirJson = /application\/(fhir\+json|json\+fhir)/;

/**
 * Epic's Binary.Read: raw bytes in the document's own content type unless the client asks for
 * `application/fhir+json`, which returns the Binary resource with base64 `data`.
 */
export async function binaryRead(res: ServerResponse, store: FhirStore, id: string, accept: string): Promise<number> {
  const binary = await store.read<Binary>("Binary", id);
  if (!binary) {
    sendJson(res, 404, outcome("error", "not-found", `Binary ${id} was not found.`, "4102"), "application/fhir+json");
    return 404;
  }
  if (fhirJson.test(accept)) {
    sendJson(res, 200, binary, "application/fhir+json");
    return 200;
  }
  send(res, 200, Buffer.from(binary.data ?? "", "base64"), { "Content-Type": binary.contentType ?? "application/octet-stream" });
  return 200;
}
