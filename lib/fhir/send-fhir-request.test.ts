import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createFhirClient } from "./create-fhir-client";
import type { FhirClientOptions } from "./fhir-client-types";
import { FhirError } from "./fhir-error";
import { createRetryBudget } from "./retry-policy";
import { withRetryBudget } from "./with-retry-budget";
import { sendJson, startFhirTestServer, type FhirTestServer } from "./testing/start-fhir-test-server";

let server: FhirTestServer;
let sleeps: number[];
beforeEach(async () => {
  server = await startFhirTestServer();
  sleeps = [];
});
afterEach(async () => {
  await server.close();
});

const patient = { resourceType: "Patient", id: "p1" };
const client = (extra: Partial<FhirClientOptions> = {}) =>
  createFhirClient({
    baseUrl: server.baseUrl,
    getAccessToken: async () => "tok",
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    ...extra,
  });

/** Fail the first `failures` requests with `fail`, then answer with the patient. */
const failThenOk = (failures: number, fail: Parameters<FhirTestServer["handle"]>[0]) =>
  server.handle((req, res) => (req.n <= failures ? fail(req, res) : sendJson(res, 200, patient)));

describe("retries", () => {
  it.each([
    ["429 with Retry-After seconds", 429, { "retry-after": "2" }, [2000]],
    ["503 with Retry-After seconds", 503, { "retry-after": "0" }, [0]],
    ["503 without Retry-After uses full jitter", 503, {}, [250]],
  ])("%s", async (_name, status, headers, expected) => {
    failThenOk(1, (_req, res) => sendJson(res, status, { resourceType: "OperationOutcome", issue: [] }, headers));
    await expect(client().read("Patient", "p1")).resolves.toMatchObject({ id: "p1" });
    expect(sleeps).toEqual(expected);
    expect(server.requests).toHaveLength(2);
  });

  it("honours Retry-After given as an HTTP date", async () => {
    failThenOk(1, (_req, res) => sendJson(res, 429, {}, { "retry-after": new Date(Date.now() + 3000).toUTCString() }));
    await client().read("Patient", "p1");
    expect(sleeps[0]).toBeGreaterThan(1000);
    expect(sleeps[0]).toBeLessThanOrEqual(3000);
  });

  it("backs off exponentially (base·2^n, capped) and gives up after maxRetries", async () => {
    server.handle((_req, res) => sendJson(res, 503, {}));
    const error = await client({ maxRetries: 4, baseDelayMs: 100, maxDelayMs: 500, random: () => 0.999 }).read("Patient", "p1").catch((e: unknown) => e);
    expect(sleeps).toEqual([99, 199, 399, 499]);
    expect(error).toMatchObject({ kind: "http", httpStatus: 503, code: "ehr_unavailable", transient: true });
    expect(server.requests).toHaveLength(5);
  });

  it("keeps retrying 503s while the request's time budget lasts, then says why it stopped", async () => {
    let clock = 0;
    const timed = { now: () => clock, sleep: async (ms: number) => { sleeps.push(ms); clock += ms; } };
    server.handle((_req, res) => sendJson(res, 503, {}));
    const error = await client({ ...timed, requestBudgetMs: 5_000, baseDelayMs: 1_000, maxDelayMs: 2_000, random: () => 0.999 }).read("Patient", "p1").catch((e: unknown) => e);
    // Waits 999, 1998, 1998 (clock 4995); a fourth wait would end past 5 000 ms.
    expect(sleeps).toEqual([999, 1998, 1998]);
    expect(server.requests).toHaveLength(4);
    expect(error).toMatchObject({ httpStatus: 503, transient: true });
    expect((error as Error).message).toContain("gave up after 4 tries over 5 s (request's time budget spent)");
  });

  it("a shared budget (one patient) ends retries of later requests sooner than their own budget", async () => {
    let clock = 0;
    const timed = { now: () => clock, sleep: async (ms: number) => void (clock += ms) };
    server.handle((_req, res) => sendJson(res, 503, {}, { "retry-after": "1" }));
    const patientClient = withRetryBudget(client({ ...timed, requestBudgetMs: 60_000 }), createRetryBudget(2_500, "patient", 0));
    const error = await patientClient.read("Patient", "p1").catch((e: unknown) => e);
    expect(clock).toBe(2_000);
    expect(server.requests).toHaveLength(3);
    expect((error as Error).message).toContain("(patient's time budget spent)");
    // Spent budget: a later request of the same patient gets its one try and no retries.
    await expect(patientClient.search("Observation", { patient: "p1", category: "laboratory" })).rejects.toMatchObject({ httpStatus: 503 });
    expect(server.requests).toHaveLength(4);
  });

  it("a create is never retried on 503 or 429, whatever the budget", async () => {
    server.handle((_req, res) => sendJson(res, 503, {}, { "retry-after": "0" }));
    await expect(client().create({ resourceType: "DocumentReference", status: "current", content: [] })).rejects.toMatchObject({ httpStatus: 503 });
    expect(server.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("does not wait in-process for a Retry-After beyond the limit", async () => {
    server.handle((_req, res) => sendJson(res, 429, {}, { "retry-after": "3600" }));
    const error = await client().read("Patient", "p1").catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatus: 429, code: "rate_limited", retryAfterMs: 3_600_000 });
    expect(sleeps).toEqual([]);
  });

  it("retries a dropped connection on reads", async () => {
    failThenOk(2, (_req, res) => void res.socket?.destroy());
    await expect(client().read("Patient", "p1")).resolves.toMatchObject({ id: "p1" });
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry 400, 403 or 404", async () => {
    server.handle((_req, res) => {
      res.writeHead(403);
      res.end(); // Epic: API not on the client → 403 with an empty body
    });
    await expect(client().read("Patient", "p1")).rejects.toMatchObject({ httpStatus: 403, outcome: undefined });
    expect(server.requests).toHaveLength(1);
  });
});

describe("401 refresh", () => {
  it("refreshes the token once and retries with the new one", async () => {
    const calls: unknown[] = [];
    const getAccessToken = async (opts?: { forceRefresh?: boolean }) => {
      calls.push(opts);
      return opts?.forceRefresh ? "fresh" : "stale";
    };
    server.handle((req, res) => (req.headers.authorization === "Bearer fresh" ? sendJson(res, 200, patient) : sendJson(res, 401, {})));
    await expect(client({ getAccessToken }).read("Patient", "p1")).resolves.toMatchObject({ id: "p1" });
    expect(calls).toEqual([undefined, { forceRefresh: true, rejectedToken: "stale" }]);
    expect(sleeps).toEqual([]);
  });

  it("gives up after one refresh", async () => {
    let refreshes = 0;
    const getAccessToken = async (opts?: { forceRefresh?: boolean }) => {
      if (opts?.forceRefresh) refreshes += 1;
      return "t";
    };
    server.handle((_req, res) => sendJson(res, 401, {}, { "www-authenticate": 'Bearer error="invalid_token"' }));
    await expect(client({ getAccessToken }).read("Patient", "p1")).rejects.toMatchObject({ httpStatus: 401 });
    expect(refreshes).toBe(1);
    expect(server.requests).toHaveLength(2);
  });
});

describe("timeouts", () => {
  it("aborts a request that takes longer than timeoutMs", async () => {
    server.handle(() => undefined); // never answers
    const started = Date.now();
    const error = await client({ timeoutMs: 150, maxRetries: 1 }).read("Patient", "p1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FhirError);
    expect(error).toMatchObject({ kind: "timeout", transient: true });
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("covers a body that stalls after the headers", async () => {
    server.handle((_req, res) => {
      res.writeHead(200, { "content-type": "application/fhir+json" });
      res.write('{"resourceType":"Patient",');
    });
    await expect(client({ timeoutMs: 150, maxRetries: 0 }).read("Patient", "p1")).rejects.toMatchObject({ kind: "timeout" });
  });

  it("passes a caller's abort through without retrying", async () => {
    server.handle(() => undefined);
    const controller = new AbortController();
    const pending = client({ timeoutMs: 5000 }).read("Patient", "p1", { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("cancelled")), 50);
    await expect(pending).rejects.toThrow("cancelled");
    expect(server.requests).toHaveLength(1);
  });
});
