import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFhirClient } from "./create-fhir-client";
import { FhirCreateOutcomeUnknownError, FhirError } from "./fhir-error";
import { sendJson, startFhirTestServer, type FhirTestServer } from "./testing/start-fhir-test-server";

let server: FhirTestServer;
beforeEach(async () => {
  server = await startFhirTestServer();
});
afterEach(async () => {
  await server.close();
});

const client = (extra: Partial<Parameters<typeof createFhirClient>[0]> = {}) =>
  createFhirClient({
    baseUrl: server.baseUrl,
    getAccessToken: async () => "tok-1",
    sleep: async () => undefined,
    epicClientId: "client-123",
    ...extra,
  });

const patientEntry = (id: string) => ({ resource: { resourceType: "Patient", id }, search: { mode: "match" } });

describe("read", () => {
  it("returns the typed resource and sends token, Accept and Epic-Client-ID", async () => {
    server.handle((_req, res) => sendJson(res, 200, { resourceType: "Patient", id: "e0w0LEDCYtfckT6N.CkJKCw3", birthDate: "1970-01-02" }));
    const patient = await client().read("Patient", "e0w0LEDCYtfckT6N.CkJKCw3");
    expect(patient.birthDate).toBe("1970-01-02");
    const req = server.requests[0];
    expect(req?.url).toBe("/api/FHIR/R4/Patient/e0w0LEDCYtfckT6N.CkJKCw3");
    expect(req?.headers.authorization).toBe("Bearer tok-1");
    expect(req?.headers.accept).toBe("application/fhir+json");
    expect(req?.headers["epic-client-id"]).toBe("client-123");
  });

  it("rejects a body of the wrong resourceType", async () => {
    server.handle((_req, res) => sendJson(res, 200, { resourceType: "Practitioner", id: "x" }));
    await expect(client().read("Patient", "x")).rejects.toMatchObject({ kind: "invalid_response" });
  });

  it("carries status and OperationOutcome on 404 without echoing the body", async () => {
    const outcome = { resourceType: "OperationOutcome", issue: [{ severity: "fatal", code: "not-found", diagnostics: "Patient Lopez not found" }] };
    server.handle((_req, res) => sendJson(res, 404, outcome));
    const error = await client().read("Patient", "nope").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirError);
    expect(error).toMatchObject({ httpStatus: 404, code: "not_found", outcome });
    expect((error as Error).message).not.toMatch(/Lopez|nope/);
  });
});

describe("search", () => {
  const pageHandler = (pages: number) => (req: { url: string; headers: Record<string, unknown> }, res: Parameters<Parameters<FhirTestServer["handle"]>[0]>[1]) => {
    if (req.headers.authorization !== "Bearer tok-1") return sendJson(res, 401, {});
    const page = Number(new URL(req.url, server.origin).searchParams.get("_page") ?? "1");
    const link = page < pages ? [{ relation: "next", url: `${server.baseUrl}/Patient?_page=${page + 1}&family=Lopez&birthdate=1987-09-12` }] : [];
    sendJson(res, 200, { resourceType: "Bundle", type: "searchset", total: pages * 2, link, entry: [patientEntry(`p${page}a`), patientEntry(`p${page}b`)] });
  };

  it("follows absolute next links with the bearer token", async () => {
    server.handle(pageHandler(3));
    const result = await client().search("Patient", { family: "Lopez", birthdate: "1987-09-12" });
    expect(result.resources.map((p) => p.id)).toEqual(["p1a", "p1b", "p2a", "p2b", "p3a", "p3b"]);
    expect(result).toMatchObject({ pages: 3, truncated: false, total: 6, noData: undefined });
    expect(server.requests.every((r) => r.headers.authorization === "Bearer tok-1")).toBe(true);
    expect(server.requests[0]?.url).toBe("/api/FHIR/R4/Patient?birthdate=1987-09-12&family=Lopez");
  });

  it("refreshes the token when it expires between pages", async () => {
    let current = "tok-1";
    const getAccessToken = async (opts?: { forceRefresh?: boolean }) => {
      if (opts?.forceRefresh) current = "tok-2";
      return current;
    };
    server.handle((req, res) => {
      const page = new URL(req.url, server.origin).searchParams.get("_page") ?? "1";
      // The server expires tok-1 after the first page, as Epic does when an hour runs out mid-sync.
      if (page !== "1" && req.headers.authorization !== "Bearer tok-2") return sendJson(res, 401, {});
      const link = page === "1" ? [{ relation: "next", url: `${server.baseUrl}/Patient?_page=2` }] : [];
      sendJson(res, 200, { resourceType: "Bundle", type: "searchset", link, entry: [patientEntry(`p${page}`)] });
    });
    const result = await client({ getAccessToken }).search("Patient", { identifier: "x" });
    expect(result.resources.map((p) => p.id)).toEqual(["p1", "p2"]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]);
  });

  it("stops at the page cap and reports truncation", async () => {
    server.handle(pageHandler(5));
    const result = await client({ pageCap: 2 }).search("Patient", { identifier: "MRN|1" });
    expect(result).toMatchObject({ pages: 2, truncated: true });
    expect(server.requests).toHaveLength(2);
  });

  it("stops when a next link repeats a page already read", async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, { resourceType: "Bundle", type: "searchset", link: [{ relation: "next", url: `${server.baseUrl}/Patient?identifier=x` }], entry: [patientEntry("a")] }),
    );
    const result = await client().search("Patient", { identifier: "x" });
    expect(result).toMatchObject({ pages: 1, truncated: true });
    expect(server.requests).toHaveLength(1);
  });

  it("refuses a next link to another host and never sends it the token", async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, { resourceType: "Bundle", type: "searchset", link: [{ relation: "next", url: "https://evil.example/Patient?p=2" }], entry: [patientEntry("a")] }),
    );
    await expect(client().search("Patient", { identifier: "x" })).rejects.toMatchObject({ kind: "invalid_response" });
    expect(server.requests).toHaveLength(1);
  });

  it("treats an OperationOutcome-only searchset as no data with the reason kept", async () => {
    server.handle((_req, res) =>
      sendJson(res, 200, {
        resourceType: "Bundle",
        type: "searchset",
        total: 0,
        entry: [{ search: { mode: "outcome" }, resource: { resourceType: "OperationOutcome", issue: [{ severity: "warning", code: "processing", details: { coding: [{ system: "urn:oid:1.2.840.114350.1.13.0.1.7.2.657369", code: "4101", display: "Resource request returns no results." }], text: "Resource request returns no results." } }] } }],
      }),
    );
    const result = await client().search("Condition", { patient: "eq081-VQEgP8drUUqCWzHfw3", category: "problem-list-item" });
    expect(result.resources).toEqual([]);
    expect(result.noData).toMatchObject({ code: "4101", reason: "4101 Resource request returns no results." });
  });

  it("checks Epic's required parameters before sending", async () => {
    const error = await client().search("Observation", { patient: "erXuFYUfucBZaryVksYEcMg3" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "invalid_request", code: "invalid_input" });
    expect((error as Error).message).toMatch(/category or code/);
    expect((error as Error).message).not.toMatch(/erXuF/);
    expect(server.requests).toHaveLength(0);
  });

  it("surfaces a 400 OperationOutcome with codes only in the message", async () => {
    server.handle((_req, res) =>
      sendJson(res, 400, { resourceType: "OperationOutcome", issue: [{ severity: "fatal", code: "required", details: { coding: [{ system: "urn:oid:1.2.840.114350.1.13.0.1.7.2.657369", code: "4111" }] }, diagnostics: "family=Lopez" }] }),
    );
    const error = await client().search("Patient", { family: "Lopez", birthdate: "1987-09-12" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatus: 400, kind: "http", code: "ehr_rejected" });
    expect((error as Error).message).toContain("required/4111");
    expect((error as Error).message).not.toMatch(/Lopez|1987/);
  });
});

describe("create", () => {
  const note = { resourceType: "DocumentReference", status: "current", content: [{ attachment: { contentType: "text/plain", data: "aGk=" } }] } as const;

  it("parses Epic's relative Location from a 201 with an empty body", async () => {
    server.handle((_req, res) => {
      res.writeHead(201, { location: "DocumentReference/eNote123" });
      res.end();
    });
    const result = await client().create({ ...note, content: [...note.content] }, { ifNoneExist: { identifier: "urn:healthprep|prep_1" } });
    expect(result).toMatchObject({ id: "eNote123", status: 201, resource: undefined });
    const req = server.requests[0];
    expect(req?.method).toBe("POST");
    expect(req?.headers["content-type"]).toBe("application/fhir+json");
    expect(req?.headers.prefer).toBe("return=representation");
    expect(req?.headers["if-none-exist"]).toBe("identifier=urn%3Ahealthprep%7Cprep_1");
    expect(JSON.parse(req?.body ?? "{}")).toMatchObject({ resourceType: "DocumentReference" });
  });

  it("is not retried on 503", async () => {
    server.handle((_req, res) => sendJson(res, 503, {}, { "retry-after": "1" }));
    await expect(client().create({ ...note, content: [...note.content] })).rejects.toMatchObject({ kind: "http", httpStatus: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it("reports an unknown outcome when the connection drops after sending", async () => {
    server.handle((_req, res) => void res.socket?.destroy());
    const error = await client().create({ ...note, content: [...note.content] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirCreateOutcomeUnknownError);
    expect(error).toMatchObject({ kind: "unknown_outcome" });
    expect(server.requests).toHaveLength(1);
  });

  it("reports an unknown outcome on a gateway timeout", async () => {
    server.handle((_req, res) => sendJson(res, 504, {}));
    await expect(client().create({ ...note, content: [...note.content] })).rejects.toBeInstanceOf(FhirCreateOutcomeUnknownError);
    expect(server.requests).toHaveLength(1);
  });

  it("reports a plain network error when the connection was refused (nothing was sent)", async () => {
    const baseUrl = server.baseUrl;
    await server.close();
    const error = await createFhirClient({ baseUrl, getAccessToken: async () => "t" }).create({ ...note, content: [...note.content] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirError);
    expect(error).not.toBeInstanceOf(FhirCreateOutcomeUnknownError);
    expect(error).toMatchObject({ kind: "network" });
    server = await startFhirTestServer();
  });
});
