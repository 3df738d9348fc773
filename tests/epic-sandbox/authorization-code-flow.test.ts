import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confidentialClientId, confidentialClientSecret, publicClientId } from "./sandbox-clients";
import { startEpicSandbox } from "./start-epic-sandbox";
import type { EpicSandbox } from "./start-epic-sandbox";
import { signInWithFetch } from "./testing/sign-in-with-fetch";
import { tokenRequest } from "./testing/token-request";

const redirectUri = "http://localhost:3000/api/auth/callback/epic";
const basic = { kind: "basic", clientId: confidentialClientId, secret: confidentialClientSecret } as const;
let sandbox: EpicSandbox;

beforeAll(async () => {
  sandbox = await startEpicSandbox({ defaultSeed: false, now: () => new Date("2026-11-28T15:00:00Z") });
});
afterAll(() => sandbox.close());

function signIn(overrides: Partial<Parameters<typeof signInWithFetch>[0]> = {}) {
  return signInWithFetch({
    authorizeEndpoint: sandbox.authorizeEndpoint,
    aud: sandbox.fhirBase,
    clientId: confidentialClientId,
    redirectUri,
    scope: "openid fhirUser offline_access user/Patient.read patient/Observation.rs",
    ...overrides,
  });
}

async function codeGrant(result: Awaited<ReturnType<typeof signInWithFetch>>, auth: Parameters<typeof tokenRequest>[2] = basic) {
  return tokenRequest(sandbox.tokenEndpoint, {
    grant_type: "authorization_code",
    code: result.code ?? "",
    redirect_uri: result.callback.origin + result.callback.pathname,
    code_verifier: result.verifier,
  }, auth);
}

describe("standalone provider launch", () => {
  it("walks login and consent, echoes state, and answers with Epic's token shape", async () => {
    const result = await signIn({ state: "3f0c2a9e-state", username: "FHIRTWO" });
    expect(result.pages).toHaveLength(2);
    expect(result.pages[0]).toContain('name="username"');
    expect(result.pages[0]).toContain("FHIRTWO");
    expect(result.pages[1]).toContain("patient/Observation.rs");
    expect(result.state).toBe("3f0c2a9e-state");
    expect(result.code).toMatch(/.{20,}/);

    const token = await codeGrant(result);
    expect(token.status).toBe(200);
    expect(token.headers.get("cache-control")).toContain("no-store");
    const body = token.json;
    expect(body.token_type).toBe("bearer");
    expect(body.expires_in).toBe(3600);
    expect(String(body.scope).split(" ").sort()).toEqual(
      ["fhirUser", "openid", "patient/Observation.read", "user/Patient.read"],
    );
    expect(body.state).toBe("3f0c2a9e-state");
    expect(body.need_patient_banner).toBe("true");
    expect(body).not.toHaveProperty("patient");
    expect(typeof body.refresh_token).toBe("string");

    const idToken = String(body.id_token);
    expect(decodeProtectedHeader(idToken).alg).toBe("RS256");
    const jwks = createRemoteJWKSet(new URL(sandbox.jwksUri));
    const { payload } = await jwtVerify(idToken, jwks, { issuer: sandbox.issuer, audience: confidentialClientId });
    expect(payload.fhirUser).toBe(`${sandbox.fhirBase}/Practitioner/${sandbox.practitioners.FHIRTWO}`);
    expect(payload.sub).toBe(sandbox.practitioners.FHIRTWO);
  });

  it("rejects a wrong password on the login page", async () => {
    await expect(signIn({ password: "nope" })).rejects.toThrow(/Invalid user ID or password/);
  });

  it("returns access_denied when the user denies consent", async () => {
    const result = await signIn({ consent: "deny" });
    expect(result.code).toBeNull();
    expect(result.callback.searchParams.get("error")).toBe("access_denied");
  });

  it("requires aud equal to the FHIR base", async () => {
    const missing = await signIn({ aud: null });
    expect(missing.callback.searchParams.get("error")).toBe("invalid_request");
    expect(missing.callback.searchParams.get("error_description")).toMatch(/aud is required/);
    const wrong = await signIn({ aud: "https://fhir.epic.com/interconnect-fhir-oauth/api/FHIR/R4" });
    expect(wrong.callback.searchParams.get("error_description")).toMatch(/aud must be/);
  });

  it("requires PKCE with S256", async () => {
    const none = await signIn({ codeChallengeMethod: null });
    expect(none.callback.searchParams.get("error")).toBe("invalid_request");
    const plain = await signIn({ codeChallengeMethod: "plain" });
    expect(plain.callback.searchParams.get("error")).toBe("invalid_request");
  });

  it("rejects a wrong code_verifier and a reused code", async () => {
    const result = await signIn();
    const wrong = await codeGrant({ ...result, verifier: "x".repeat(43) });
    expect(wrong.json.error).toBe("invalid_grant");
    const fresh = await signIn();
    expect((await codeGrant(fresh)).status).toBe(200);
    expect((await codeGrant(fresh)).json.error).toBe("invalid_grant");
  });

  it("accepts the callback path on any loopback port but nothing else", async () => {
    const other = await signIn({ redirectUri: "http://127.0.0.1:53127/api/auth/callback/epic" });
    expect(other.code).toBeTruthy();
    await expect(signIn({ redirectUri: "https://evil.example/api/auth/callback/epic" })).rejects.toThrow(/redirect_uri/);
  });

  it("authenticates with client_secret_post and rejects a wrong secret", async () => {
    const ok = await codeGrant(await signIn(), { kind: "post", clientId: confidentialClientId, secret: confidentialClientSecret });
    expect(ok.status).toBe(200);
    const bad = await codeGrant(await signIn(), { kind: "basic", clientId: confidentialClientId, secret: "wrong" });
    expect(bad.status).toBe(401);
    expect(bad.json.error).toBe("invalid_client");
  });
});

describe("EHR launch", () => {
  it("skips login and consent and returns patient and encounter context", async () => {
    const launch = sandbox.mintLaunch({ patient: "erXuFYUfucBZaryVksYEcMg3", encounter: "eEnc123", practitioner: sandbox.practitioners.FHIR! });
    const result = await signIn({ launch, scope: "launch openid fhirUser patient/Patient.read" });
    expect(result.pages).toHaveLength(0);
    const { json } = await codeGrant(result);
    expect(json.patient).toBe("erXuFYUfucBZaryVksYEcMg3");
    expect(json.encounter).toBe("eEnc123");
    expect(json.need_patient_banner).toBe("false");
    expect(json["__epic.dstu2.patient"]).toMatch(/^T.{40,}/);
    expect(json.scope).toBe("launch openid fhirUser patient/Patient.read");
  });

  it("signs in as the launch token's practitioner (the id_token names them, no login page)", async () => {
    const launch = sandbox.mintLaunch({ patient: "erXuFYUfucBZaryVksYEcMg3", practitioner: sandbox.practitioners.FHIRTWO! });
    const result = await signIn({ launch, scope: "launch openid fhirUser user/Patient.read" });
    expect(result.pages).toHaveLength(0);
    const { json } = await codeGrant(result);
    const { payload } = await jwtVerify(String(json.id_token), createRemoteJWKSet(new URL(sandbox.jwksUri)), { issuer: sandbox.issuer });
    expect(payload.sub).toBe(sandbox.practitioners.FHIRTWO);
    expect(payload.fhirUser).toBe(`${sandbox.fhirBase}/Practitioner/${sandbox.practitioners.FHIRTWO}`);
    expect(json.patient).toBe("erXuFYUfucBZaryVksYEcMg3");
    expect(json).not.toHaveProperty("encounter");
  });

  it("rejects an unknown launch value", async () => {
    const result = await signIn({ launch: "not-a-launch" });
    expect(result.callback.searchParams.get("error_description")).toMatch(/launch/);
  });
});

describe("refresh", () => {
  it("does not rotate: the response has no new refresh_token and the old one keeps working", async () => {
    const { json } = await codeGrant(await signIn());
    const refreshToken = String(json.refresh_token);
    sandbox.resetStats();
    for (let i = 0; i < 2; i++) {
      const res = await tokenRequest(sandbox.tokenEndpoint, { grant_type: "refresh_token", refresh_token: refreshToken }, basic);
      expect(res.status).toBe(200);
      expect(Object.keys(res.json).sort()).toEqual(["access_token", "expires_in", "scope", "token_type"]);
      expect(res.json.token_type).toBe("bearer");
      expect(res.json.access_token).not.toBe(json.access_token);
    }
    expect(sandbox.stats().refreshRequests).toBe(2);
    expect(sandbox.stats().tokenRequests).toBe(2);
  });

  it("gives a public client no refresh token", async () => {
    const result = await signIn({ clientId: publicClientId });
    const { status, json } = await codeGrant(result, { kind: "public", clientId: publicClientId });
    expect(status).toBe(200);
    expect(json.access_token).toBeTruthy();
    expect(json).not.toHaveProperty("refresh_token");
  });

  it("rotates when the rule is switched on, and the used token then fails", async () => {
    const rotating = await startEpicSandbox({ defaultSeed: false, rules: { rotateRefreshTokens: true } });
    try {
      const result = await signInWithFetch({
        authorizeEndpoint: rotating.authorizeEndpoint, aud: rotating.fhirBase, clientId: confidentialClientId,
        redirectUri, scope: "openid fhirUser user/Patient.read",
      });
      const first = await tokenRequest(rotating.tokenEndpoint, {
        grant_type: "authorization_code", code: result.code ?? "", redirect_uri: redirectUri, code_verifier: result.verifier,
      }, basic);
      const old = String(first.json.refresh_token);
      const second = await tokenRequest(rotating.tokenEndpoint, { grant_type: "refresh_token", refresh_token: old }, basic);
      expect(typeof second.json.refresh_token).toBe("string");
      expect(second.json.refresh_token).not.toBe(old);
      const replay = await tokenRequest(rotating.tokenEndpoint, { grant_type: "refresh_token", refresh_token: old }, basic);
      expect(replay.json.error).toBe("invalid_grant");
    } finally {
      await rotating.close();
    }
  });
});
