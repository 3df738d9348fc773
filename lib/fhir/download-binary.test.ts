import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFhirClient } from "./create-fhir-client";
import { sendJson, startFhirTestServer, type FhirTestServer } from "./testing/start-fhir-test-server";

let server: FhirTestServer;
beforeEach(async () => {
  server = await startFhirTestServer();
});
afterEach(async () => {
  await server.close();
});

const client = () => createFhirClient({ baseUrl: server.baseUrl, getAccessToken: async () => "tok", sleep: async () => undefined });
const rtf = Buffer.from("{\\rtf1 Colonoscopy 2024-03-02 normal}");

describe("binary", () => {
  it.each([
    ["Binary/<id> as Epic puts it in attachment.url", "Binary/eRtf.1-x"],
    ["a bare id", "eRtf.1-x"],
    ["an absolute URL under the base", "BASE/Binary/eRtf.1-x"],
  ])("downloads raw bytes from %s", async (_name, ref) => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "text/rtf" });
      res.end(rtf);
    });
    const result = await client().binary(ref.replace("BASE", server.baseUrl), { as: "bytes", maxBytes: 1024, contentType: "text/rtf" });
    expect(Buffer.from(result.bytes).equals(rtf)).toBe(true);
    expect(result.contentType).toBe("text/rtf");
    expect(server.requests[0]?.url).toBe("/api/FHIR/R4/Binary/eRtf.1-x");
    expect(server.requests[0]?.headers.accept).toBe("text/rtf");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer tok");
  });

  it("returns the FHIR Binary JSON form on request", async () => {
    server.handle((_req, res) => sendJson(res, 200, { resourceType: "Binary", id: "b1", contentType: "text/rtf", data: rtf.toString("base64") }));
    const binary = await client().binary("Binary/b1", { as: "json", maxBytes: 4096 });
    expect(binary).toMatchObject({ resourceType: "Binary", contentType: "text/rtf" });
    expect(server.requests[0]?.headers.accept).toBe("application/fhir+json");
  });

  it("decodes a Binary JSON answer to a raw request", async () => {
    server.handle((_req, res) => sendJson(res, 200, { resourceType: "Binary", contentType: "text/rtf", data: rtf.toString("base64") }));
    const result = await client().binary("b1", { as: "bytes", maxBytes: 4096 });
    expect(Buffer.from(result.bytes).equals(rtf)).toBe(true);
  });

  it("fails fast on a declared Content-Length over the cap", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf", "content-length": 5000 });
      res.end(Buffer.alloc(5000));
    });
    await expect(client().binary("b1", { as: "bytes", maxBytes: 1000 })).rejects.toMatchObject({ kind: "too_large", code: "document_failed" });
    expect(server.requests).toHaveLength(1);
  });

  it("aborts a chunked download once it passes the cap", async () => {
    let written = 0;
    let closedEarly = false;
    server.handle(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/pdf" });
      res.on("close", () => {
        closedEarly = !res.writableFinished;
      });
      for (let i = 0; i < 200 && !res.destroyed; i++) {
        res.write(Buffer.alloc(16 * 1024));
        written += 1;
        await new Promise((r) => setTimeout(r, 5));
      }
      res.end();
    });
    await expect(client().binary("b1", { as: "bytes", maxBytes: 40 * 1024 })).rejects.toMatchObject({ kind: "too_large" });
    await new Promise((r) => setTimeout(r, 50));
    expect(closedEarly).toBe(true);
    expect(written).toBeLessThan(200);
  });

  it.each([["https://evil.example/Binary/x"], ["file:///etc/passwd"], ["Patient/x"], [""]])("refuses %j without sending the token", async (ref) => {
    await expect(client().binary(ref, { as: "bytes", maxBytes: 10 })).rejects.toMatchObject({ kind: "invalid_request" });
    expect(server.requests).toHaveLength(0);
  });
});
