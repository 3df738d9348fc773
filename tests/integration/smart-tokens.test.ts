import http from "node:http";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sandboxConnection, seedDemo } from "@/lib/demo/seed-demo";
import { auditEvents, ehrConnections, ehrTokens, organizations, users } from "@/db/schema";
import { upsertEhrToken } from "@/db/queries/ehr-connections";
import { getCipher } from "@/lib/crypto";
import { createId, type Id } from "@/lib/ids";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";
import { getUserAccessToken } from "@/lib/smart/get-user-access-token";
import { getBackendAccessToken } from "@/lib/smart/get-backend-access-token";
import { listPublishedJwks, rotateSigningKey } from "@/lib/smart/signing-keys";
import { defaultEpicScopes, scopesFor } from "@/lib/smart/epic-scopes";
import { tokenAad } from "@/lib/smart/token-aad";
import { resolveLaunch } from "@/lib/smart/resolve-launch";
import { verifyIdToken } from "@/lib/smart/verify-id-token";
import { startEpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { signInWithFetch } from "../epic-sandbox/testing/sign-in-with-fetch";
import { tokenRequest } from "../epic-sandbox/testing/token-request";
import { createTestDatabase } from "../setup/test-db";

type Sandbox = Awaited<ReturnType<typeof startEpicSandbox>>;
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: Sandbox;
let jwksServer: http.Server;
let riverside: Id<"organization">;
let userId: string;
const redirectUri = "http://127.0.0.1:3999/api/auth/callback/epic";

beforeAll(async () => {
  handle = await createTestDatabase();
  // Our JWKS, served from the database the way /.well-known/jwks.json does.
  jwksServer = http.createServer(async (_req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify(await listPublishedJwks(handle.db)));
  });
  await new Promise<void>((r) => jwksServer.listen(0, "127.0.0.1", r));
  const jwksUri = `http://127.0.0.1:${(jwksServer.address() as { port: number }).port}/jwks`;
  sandbox = await startEpicSandbox({ port: 0, clients: [backendClient(jwksUri)] });
  await seedDemo(handle.db, "integration-password-1", { sandboxPort: sandbox.port });
  riverside = (await handle.db.select().from(organizations).where(eq(organizations.slug, "riverside")))[0]!.id;
  userId = (await handle.db.select().from(users).where(eq(users.email, "riverside.admin@healthprep.test")))[0]!.id;
});
afterAll(async () => {
  await sandbox?.close();
  jwksServer?.close();
  await handle?.close();
});
beforeEach(() => {
  sandbox.setFaults("");
  sandbox.resetStats();
});

function backendClient(jwksUri: string) {
  return {
    clientId: sandboxConnection(0).backendClientId,
    tokenEndpointAuthMethod: "private_key_jwt" as const,
    redirectUris: [],
    grantTypes: ["client_credentials" as const],
    jwksUri,
    registeredScopes: ["system/Patient.read", "system/Observation.read"],
  };
}

/** A real sign-in on the sandbox's pages, then the tokens stored the way the Epic callback stores them. */
async function connectUser(options: { expired: boolean }) {
  const { clientId, clientSecret } = sandboxConnection(sandbox.port);
  const signIn = await signInWithFetch({
    authorizeEndpoint: sandbox.authorizeEndpoint,
    aud: sandbox.fhirBase,
    clientId,
    redirectUri,
    scope: scopesFor(defaultEpicScopes, "standalone"),
    username: "FHIR",
    password: "EpicFhir11!",
  });
  const tokens = await tokenRequest(
    sandbox.tokenEndpoint,
    { grant_type: "authorization_code", code: signIn.code!, redirect_uri: redirectUri, code_verifier: signIn.verifier },
    { kind: "basic", clientId, secret: clientSecret },
  );
  const body = tokens.json as Record<string, string>;
  const [connection] = await handle.db.select().from(ehrConnections).where(eq(ehrConnections.organizationId, riverside));
  const owner = { organizationId: riverside, userId };
  await upsertEhrToken(handle.db, {
    id: createId("ehrToken"),
    organizationId: riverside,
    connectionId: connection!.id,
    kind: "user",
    userId,
    accessTokenEncrypted: getCipher().encrypt(body.access_token!, tokenAad(owner, "access")),
    refreshTokenEncrypted: getCipher().encrypt(body.refresh_token!, tokenAad(owner, "refresh")),
    expiresAt: options.expired ? new Date(Date.now() - 1000) : new Date(Date.now() + 3_000_000),
    scope: body.scope ?? "",
    status: "active",
    statusReason: null,
  });
  return body;
}

async function anyPatientId(): Promise<string> {
  const { client } = await getFhirClientForOrganization(handle.db, { organizationId: riverside, userId });
  const appointments = await client.search("Appointment", { practitioner: "eSbxPractFHIR.UserOne0001", date: "ge2000-01-01" });
  const ref = appointments.resources.flatMap((a) => a.participant ?? []).find((p) => p.actor?.reference?.startsWith("Patient/"));
  return ref!.actor!.reference!.split("/")[1]!;
}

describe("user tokens", () => {
  it("stores only ciphertext", async () => {
    const body = await connectUser({ expired: false });
    const [row] = await handle.db.select().from(ehrTokens).where(eq(ehrTokens.userId, userId));
    expect(row!.accessTokenEncrypted.startsWith("hp1.")).toBe(true);
    expect(row!.accessTokenEncrypted).not.toContain(body.access_token!);
    expect(row!.refreshTokenEncrypted).not.toContain(body.refresh_token!);
  });

  it("50 concurrent FHIR calls on an expired token cause exactly one refresh", async () => {
    await connectUser({ expired: false });
    const patientId = await anyPatientId();
    await connectUser({ expired: true });
    sandbox.resetStats();
    const { client } = await getFhirClientForOrganization(handle.db, { organizationId: riverside, userId });
    const results = await Promise.all(Array.from({ length: 50 }, () => client.read("Patient", patientId)));
    expect(results.every((p) => p.id === patientId)).toBe(true);
    expect(sandbox.stats().refreshRequests).toBe(1);
  });

  it("50 concurrent calls that all get 401 (token revoked at Epic) share one refresh", async () => {
    await connectUser({ expired: false });
    const patientId = await anyPatientId();
    sandbox.expireTokens();
    sandbox.resetStats();
    const { client } = await getFhirClientForOrganization(handle.db, { organizationId: riverside, userId });
    await Promise.all(Array.from({ length: 50 }, () => client.read("Patient", patientId)));
    expect(sandbox.stats().refreshRequests).toBe(1);
  });

  it("invalid_grant on refresh marks the connection 'reconnect needed' and audits it", async () => {
    await connectUser({ expired: true });
    sandbox.setFaults("refresh-invalid-grant=1");
    await expect(getUserAccessToken(handle.db, { organizationId: riverside, userId })).rejects.toMatchObject({ code: "reconnect_needed" });
    const [row] = await handle.db.select().from(ehrTokens).where(eq(ehrTokens.userId, userId));
    expect(row).toMatchObject({ status: "reconnect_needed", statusReason: "invalid_grant" });
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "ehr.refresh_failed"));
    expect(events.at(-1)).toMatchObject({ organizationId: riverside, targetIds: [row!.id] });
    // Jobs that need it stop with the same reason instead of retrying Epic.
    await expect(getFhirClientForOrganization(handle.db, { organizationId: riverside, userId }).then(({ client }) => client.read("Patient", "x"))).rejects.toMatchObject({
      code: "reconnect_needed",
    });
  });
});

describe("Backend Services", () => {
  it("gets a token with a key whose kid is in our JWKS, caches it, and still works after a key rotation", async () => {
    const first = await getBackendAccessToken(handle.db, riverside);
    expect(await getBackendAccessToken(handle.db, riverside)).toBe(first);
    expect(sandbox.stats().tokenRequests).toBe(1);
    const kidsBefore = (await listPublishedJwks(handle.db)).keys.map((k) => k.kid);
    const newKid = await rotateSigningKey(handle.db);
    const kidsAfter = (await listPublishedJwks(handle.db)).keys.map((k) => k.kid);
    expect(kidsAfter).toEqual([...kidsBefore, newKid]); // the retired key stays published
    await handle.db.delete(ehrTokens).where(eq(ehrTokens.kind, "backend"));
    const second = await getBackendAccessToken(handle.db, riverside);
    expect(second).not.toBe(first);
    expect(sandbox.stats().tokenRequests).toBe(2);
  });
});

describe("refusals", () => {
  it("refuses an EHR launch from an unknown iss and audits it", async () => {
    await expect(resolveLaunch(handle.db, { iss: "https://evil.example/api/FHIR/R4", launch: "abc" }, { ip: "1.2.3.4", userAgent: null, origin: null, host: null })).rejects.toMatchObject({
      code: "forbidden",
    });
    const refused = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "ehr.launch_refused"));
    expect(refused).toHaveLength(1);
  });

  it("offers a chooser when two clinics registered the same iss", async () => {
    const result = await resolveLaunch(handle.db, { iss: sandbox.fhirBase, launch: "abc" }, { ip: null, userAgent: null, origin: null, host: null });
    expect(result).toEqual({ kind: "choose", clinics: [{ slug: "lakeside", name: "Lakeside Clinic" }, { slug: "riverside", name: "Riverside Family Medicine" }] });
    const chosen = await resolveLaunch(handle.db, { iss: sandbox.fhirBase, launch: "abc", clinic: "riverside" }, { ip: null, userAgent: null, origin: null, host: null });
    expect(chosen).toMatchObject({ kind: "sign-in", slug: "riverside", authorizationParams: { launch: "abc", aud: sandbox.fhirBase } });
  });

  it("rejects a tampered or wrongly addressed id_token", async () => {
    const body = await connectUser({ expired: false });
    const input = { issuer: sandbox.issuer, jwksUri: `${sandbox.issuer}/jwks`, clientId: sandboxConnection(0).clientId };
    const claims = await verifyIdToken(body.id_token, input);
    expect(claims.fhirUser).toMatch(/Practitioner\/eSbxPractFHIR\.UserOne0001$/);
    const [h, p, s] = body.id_token!.split(".");
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, "base64url").toString()), fhirUser: "Practitioner/someone-else" })).toString("base64url");
    await expect(verifyIdToken(`${h}.${forged}.${s}`, input)).rejects.toMatchObject({ code: "ehr_rejected" });
    await expect(verifyIdToken(body.id_token, { ...input, clientId: "another-app" })).rejects.toMatchObject({ code: "ehr_rejected" });
    await expect(verifyIdToken(body.id_token, { ...input, issuer: "https://evil.example/oauth2" })).rejects.toMatchObject({ code: "ehr_rejected" });
  });
});
