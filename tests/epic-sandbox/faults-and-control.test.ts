import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseFaultSpec } from "./fault-spec";
import { confidentialClientId, confidentialClientSecret } from "./sandbox-clients";
import { sandboxControl } from "./sandbox-control";
import { startEpicSandbox } from "./start-epic-sandbox";
import type { EpicSandbox } from "./start-epic-sandbox";
import { issueUserToken } from "./testing/issue-user-token";
import { tokenRequest } from "./testing/token-request";

let sandbox: EpicSandbox;
let token: string;
const camila = "erXuFYUfucBZaryVksYEcMg3";
const basic = { kind: "basic", clientId: confidentialClientId, secret: confidentialClientSecret } as const;

beforeAll(async () => {
  sandbox = await startEpicSandbox({ now: () => new Date("2026-11-28T15:00:00Z") });
  token = (await issueUserToken(sandbox)).access_token;
});
afterAll(() => sandbox.close());

const read = () => fetch(`${sandbox.fhirBase}/Patient/${camila}`, { headers: { authorization: `Bearer ${token}` } });

describe("fault SPEC", () => {
  it("parses every fault and refuses unknown names and bad values", () => {
    expect(parseFaultSpec("refresh-invalid-grant=2, status-429=0.5,status-503=1,drop-after-create=1,latency-ms=30,jwks-fail=1")).toEqual({
      refreshInvalidGrant: 2, status429: 0.5, status503: 1, dropAfterCreate: 1, latencyMs: 30, jwksFail: 1,
    });
    expect(() => parseFaultSpec("status-500=1")).toThrow(/unknown fault/);
    expect(() => parseFaultSpec("status-429=2")).toThrow(/probability/);
    expect(() => parseFaultSpec("latency-ms=")).toThrow(/number/);
  });
});

describe("faults", () => {
  it("status-429=1 answers 429 with Retry-After; clearing it restores 200", async () => {
    sandbox.setFaults("status-429=1");
    const res = await read();
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("1");
    sandbox.setFaults("");
    expect((await read()).status).toBe(200);
  });

  it("status-503=1 answers 503", async () => {
    sandbox.setFaults("status-503=1");
    expect((await read()).status).toBe(503);
    sandbox.setFaults("");
  });

  it("latency-ms delays FHIR answers", async () => {
    sandbox.setFaults("latency-ms=150");
    const started = performance.now();
    expect((await read()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    sandbox.setFaults("");
  });

  it("refresh-invalid-grant=N fails the next N refreshes, then refresh works again", async () => {
    const { refresh_token } = await issueUserToken(sandbox);
    sandbox.setFaults("refresh-invalid-grant=1");
    sandbox.resetStats();
    const failed = await tokenRequest(sandbox.tokenEndpoint, { grant_type: "refresh_token", refresh_token: String(refresh_token) }, basic);
    expect(failed.status).toBe(400);
    expect(failed.json.error).toBe("invalid_grant");
    const ok = await tokenRequest(sandbox.tokenEndpoint, { grant_type: "refresh_token", refresh_token: String(refresh_token) }, basic);
    expect(ok.status).toBe(200);
    expect(sandbox.stats().refreshRequests).toBe(2);
  });

  it("drop-after-create stores the note and then cuts the connection", async () => {
    sandbox.setFaults("drop-after-create=1");
    sandbox.resetStats();
    const body = {
      resourceType: "DocumentReference", status: "current", docStatus: "preliminary",
      type: { coding: [{ system: "http://loinc.org", code: "11506-3" }] },
      subject: { reference: "Patient/eIXesllypH3M9tAA5WdJftQ3" },
      context: { encounter: [{ reference: "Encounter/eSbxEnc.Linda.Inpatient" }] },
      identifier: [{ system: "urn:healthprep:prep-sheet", value: "dropped-1" }],
      content: [{ attachment: { contentType: "text/plain", data: Buffer.from("x").toString("base64") } }],
    };
    await expect(fetch(`${sandbox.fhirBase}/DocumentReference`, {
      method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/fhir+json" }, body: JSON.stringify(body),
    })).rejects.toThrow();
    sandbox.setFaults("");
    expect(sandbox.stats().documentReferencesCreated.map((d) => d.identifier[0]?.value)).toEqual(["dropped-1"]);
    const found = await fetch(`${sandbox.fhirBase}/DocumentReference?identifier=urn:healthprep:prep-sheet|dropped-1`, { headers: { authorization: `Bearer ${token}` } });
    expect(((await found.json()) as { total: number }).total).toBe(1);
  });
});

describe("control API over HTTP", () => {
  it("sets faults from a SPEC string or { spec }, and refuses a bad SPEC", async () => {
    const raw = await fetch(`${sandbox.origin}/_sandbox/faults`, { method: "POST", body: "status-503=1" });
    expect(raw.status).toBe(200);
    expect((await read()).status).toBe(503);
    const asJson = await fetch(`${sandbox.origin}/_sandbox/faults`, { method: "POST", body: JSON.stringify({ spec: "" }), headers: { "content-type": "application/json" } });
    expect(asJson.status).toBe(200);
    expect((await read()).status).toBe(200);
    const bad = await fetch(`${sandbox.origin}/_sandbox/faults`, { method: "POST", body: "nope=1" });
    expect(bad.status).toBe(400);
  });

  it("reports stats in the INTERFACES.md shape, resets them, and mints launches", async () => {
    const control = sandboxControl(sandbox.origin);
    await control.resetStats();
    await read();
    await read();
    const stats = await control.stats();
    expect(stats).toMatchObject({ tokenRequests: 0, refreshRequests: 0, fhirRequests: 2, documentReferencesCreated: [], patients: 10 });
    expect(stats.requests.map((r) => [r.method, r.status, r.bearer])).toEqual([["GET", 200, token], ["GET", 200, token]]);
    await control.resetStats();
    expect((await control.stats()).fhirRequests).toBe(0);
    const { launch, iss } = await control.mintLaunch({ patient: camila });
    expect(iss).toBe(sandbox.fhirBase);
    const withLaunch = await issueUserToken(sandbox, "launch openid fhirUser patient/Patient.read", { launch });
    expect(withLaunch.patient).toBe(camila);
  });

  it("expire-tokens over HTTP turns the next FHIR call into a 401", async () => {
    await sandboxControl(sandbox.origin).expireTokens();
    expect((await read()).status).toBe(401);
    token = (await issueUserToken(sandbox)).access_token;
  });
});
