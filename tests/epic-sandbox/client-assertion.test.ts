import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backendClientId, backendRegisteredScopes, privateKeyJwtClientId, mergeClients } from "./sandbox-clients";
import { startEpicSandbox } from "./start-epic-sandbox";
import type { EpicSandbox } from "./start-epic-sandbox";
import { startClientKeys } from "./testing/client-keys";
import type { ClientKeys } from "./testing/client-keys";
import { signInWithFetch } from "./testing/sign-in-with-fetch";
import { tokenRequest } from "./testing/token-request";

let sandbox: EpicSandbox;
let keys: ClientKeys;
const redirectUri = "http://localhost:3000/api/auth/callback/epic";

beforeAll(async () => {
  keys = await startClientKeys();
  // The built-in JWT clients get their jwks_uri from the test, as an app registers its JWK Set URL.
  const clients = mergeClients()
    .filter((c) => c.clientId === privateKeyJwtClientId || c.clientId === backendClientId)
    .map((c) => ({ ...c, jwksUri: keys.jwksUri }));
  sandbox = await startEpicSandbox({ clients, now: () => new Date("2026-11-28T15:00:00Z") });
});
afterAll(async () => {
  await sandbox.close();
  await keys.close();
});

const backend = async (assertion: string, scope = "system/Patient.read") =>
  tokenRequest(sandbox.tokenEndpoint, { grant_type: "client_credentials", scope }, { kind: "assertion", assertion });

describe("Backend Services (client_credentials + JWT assertion)", () => {
  it("issues a bearer token with the registered scopes in v1 spelling and no refresh token", async () => {
    const res = await backend(await keys.assertion({ clientId: backendClientId, aud: sandbox.tokenEndpoint }), "system/Patient.rs");
    expect(res.status).toBe(200);
    expect(res.json.token_type).toBe("bearer");
    expect(res.json.expires_in).toBe(3600);
    expect(String(res.json.scope).split(" ")).toEqual(backendRegisteredScopes);
    expect(res.json).not.toHaveProperty("refresh_token");
    expect(keys.fetches()).toBeGreaterThan(0);

    const patient = await fetch(`${sandbox.fhirBase}/Patient/erXuFYUfucBZaryVksYEcMg3`, {
      headers: { authorization: `Bearer ${String(res.json.access_token)}`, accept: "application/fhir+json" },
    });
    expect(patient.status).toBe(200);
    expect(((await patient.json()) as { name: Array<{ family: string }> }).name[0]?.family).toBe("Lopez");
  });

  it("rejects a reused jti", async () => {
    const jti = randomUUID();
    const first = await backend(await keys.assertion({ clientId: backendClientId, aud: sandbox.tokenEndpoint, jti }));
    expect(first.status).toBe(200);
    const replay = await backend(await keys.assertion({ clientId: backendClientId, aud: sandbox.tokenEndpoint, jti }));
    expect(replay.status).toBe(401);
    expect(replay.json.error).toBe("invalid_client");
  });

  it("rejects an assertion that expires more than 5 minutes ahead", async () => {
    const res = await backend(await keys.assertion({ clientId: backendClientId, aud: sandbox.tokenEndpoint, expInSeconds: 301 + 60 }));
    expect(res.status).toBe(401);
    expect(res.json.error).toBe("invalid_client");
  });

  it("requires aud to be the token endpoint (the issuer alone is not enough)", async () => {
    const res = await backend(await keys.assertion({ clientId: backendClientId, aud: sandbox.issuer }));
    expect(res.json.error).toBe("invalid_client");
    const both = await backend(await keys.assertion({ clientId: backendClientId, aud: [sandbox.issuer, sandbox.tokenEndpoint] }));
    expect(both.status).toBe(200);
  });

  it("answers invalid_client while the JWKS URL fails (jwks-fail fault), then recovers", async () => {
    const failing = await startEpicSandbox({
      defaultSeed: false,
      faults: "jwks-fail=1",
      clients: [{ ...mergeClients().find((c) => c.clientId === backendClientId)!, jwksUri: keys.jwksUri }],
    });
    try {
      const request = async () => tokenRequest(failing.tokenEndpoint, { grant_type: "client_credentials" }, {
        kind: "assertion",
        assertion: await keys.assertion({ clientId: backendClientId, aud: failing.tokenEndpoint }),
      });
      const first = await request();
      expect(first.status).toBe(401);
      expect(first.json.error).toBe("invalid_client");
      expect((await request()).status).toBe(200);
    } finally {
      await failing.close();
    }
  });
});

describe("private_key_jwt on the authorization-code flow", () => {
  it("exchanges the code and refreshes with a fresh assertion each time", async () => {
    const result = await signInWithFetch({
      authorizeEndpoint: sandbox.authorizeEndpoint, aud: sandbox.fhirBase, clientId: privateKeyJwtClientId,
      redirectUri, scope: "openid fhirUser user/Patient.read user/Observation.read",
    });
    const auth = async () => ({ kind: "assertion" as const, assertion: await keys.assertion({ clientId: privateKeyJwtClientId, aud: sandbox.tokenEndpoint }) });
    const code = await tokenRequest(sandbox.tokenEndpoint, {
      grant_type: "authorization_code", code: result.code ?? "", redirect_uri: redirectUri, code_verifier: result.verifier,
    }, await auth());
    expect(code.status).toBe(200);
    expect(typeof code.json.refresh_token).toBe("string");
    const refreshed = await tokenRequest(sandbox.tokenEndpoint, { grant_type: "refresh_token", refresh_token: String(code.json.refresh_token) }, await auth());
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.scope).toBe("openid fhirUser user/Patient.read user/Observation.read");
  });
});
