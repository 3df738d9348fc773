import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { sandboxConnection } from "@/lib/demo/seed-demo";
import { auditEvents, ehrTokens } from "@/db/schema";
import { getFhirClientForOrganization } from "@/lib/smart/get-fhir-client";
import { getUserAccessToken } from "@/lib/smart/get-user-access-token";
import { getBackendAccessToken } from "@/lib/smart/get-backend-access-token";
import { listPublishedJwks, rotateSigningKey } from "@/lib/smart/signing-keys";
import { resolveLaunch } from "@/lib/smart/resolve-launch";
import { verifyIdToken } from "@/lib/smart/verify-id-token";
import { openSmartSandbox, signInAndStoreUserToken, type SmartSandbox } from "./fixtures/open-smart-sandbox";

let env: SmartSandbox;
let { handle, sandbox, riverside, userId } = {} as SmartSandbox;

beforeAll(async () => {
  env = await openSmartSandbox();
  ({ handle, sandbox, riverside, userId } = env);
});
afterAll(async () => env?.close());
beforeEach(() => {
  sandbox.setFaults("");
  sandbox.resetStats();
});

const connectUser = (options: { expired: boolean }) => signInAndStoreUserToken(env, options);

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
