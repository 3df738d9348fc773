import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { demoTotpSecret, seedDemo } from "@/lib/demo/seed-demo";
import { auditEvents, rateLimitBuckets, userSessions, users } from "@/db/schema";
import { getAccountSecurity } from "@/lib/auth/get-account-security";
import { beginTwoFactorEnrolment, confirmTwoFactorEnrolment, disableTwoFactor, regenerateRecoveryCodes } from "@/lib/auth/manage-two-factor";
import { beginPasswordSignIn, completePasswordSignIn } from "@/lib/auth/sign-in-with-password";
import { startUserSession } from "@/lib/auth/start-user-session";
import { generateTotp, totpStep, hotp, decodeBase32 } from "@/lib/auth/totp";
import { createTestDatabase } from "../setup/test-db";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const password = "two-factor-password-1";
const meta = { ip: "10.0.0.7", userAgent: "vitest", origin: null, host: null };
const codeAt = (secret: string, stepOffset = 0) => hotp(decodeBase32(secret), totpStep(Date.now()) + stepOffset);

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemo(handle.db, password);
}, 180_000);
afterAll(async () => handle?.close());

const userRow = async (email: string) => (await handle.db.select().from(users).where(eq(users.email, email)))[0]!;

describe("password sign-in with a second factor", () => {
  it("staff without two-factor finish after the password", async () => {
    const step = await beginPasswordSignIn({ email: "riverside.staff@healthprep.test", password, meta });
    expect(step.next).toBe("done");
    await expect(completePasswordSignIn({ challenge: step.challenge, meta })).resolves.toMatchObject({ email: "riverside.staff@healthprep.test" });
  });

  it("an enrolled admin must give a valid, unused code", async () => {
    const step = await beginPasswordSignIn({ email: "admin@healthprep.test", password, meta });
    expect(step.next).toBe("totp");
    await expect(completePasswordSignIn({ challenge: step.challenge, meta })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(completePasswordSignIn({ challenge: step.challenge, code: "000000", meta })).rejects.toMatchObject({ code: "unauthenticated" });
    const code = generateTotp(demoTotpSecret, Date.now());
    const session = await completePasswordSignIn({ challenge: step.challenge, code, meta });
    expect(session.sessionId).toMatch(/^ses_/);
    // The same code (same time step) does not work twice.
    await expect(completePasswordSignIn({ challenge: step.challenge, code, meta })).rejects.toMatchObject({ code: "unauthenticated" });
    // The next step's code (one step of drift) does.
    await expect(completePasswordSignIn({ challenge: step.challenge, code: codeAt(demoTotpSecret, 1), meta })).resolves.toBeTruthy();
    const failed = await handle.db.select().from(auditEvents).where(eq(auditEvents.action, "auth.sign_in_failed"));
    expect(failed.some((e) => e.metadata.reason === "bad_second_factor")).toBe(true);
  });

  it("refuses a wrong password before any second step, and a forged or foreign challenge", async () => {
    await expect(beginPasswordSignIn({ email: "admin@healthprep.test", password: "nope", meta })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(completePasswordSignIn({ challenge: "eyJhbGciOiJIUzI1NiJ9.e30.x", code: "123456", meta })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(completePasswordSignIn({ challenge: undefined, meta })).rejects.toMatchObject({ code: "unauthenticated" });
  });

  it("locks the second step after five tries within 15 minutes", async () => {
    await handle.db.delete(rateLimitBuckets);
    const step = await beginPasswordSignIn({ email: "riverside.admin@healthprep.test", password, meta });
    for (let i = 0; i < 5; i++) {
      await expect(completePasswordSignIn({ challenge: step.challenge, code: "000000", meta })).rejects.toMatchObject({ code: "unauthenticated" });
    }
    await expect(
      completePasswordSignIn({ challenge: step.challenge, code: generateTotp(demoTotpSecret, Date.now()), meta }),
    ).rejects.toMatchObject({ code: "rate_limited", details: { retryAfter: 900 } });
  });

  it("an admin without two-factor enrols at sign-in; secret encrypted, recovery codes hashed and single-use", async () => {
    const email = "lakeside.admin@healthprep.test";
    await handle.db.update(users).set({ totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null }).where(eq(users.email, email));
    const step = await beginPasswordSignIn({ email, password, meta });
    if (step.next !== "enrol") throw new Error(`expected enrolment, got ${step.next}`);
    const { secret, otpauthUri, recoveryCodes } = step.enrolment;
    expect(otpauthUri).toBe(`otpauth://totp/HealthPrep%3Alakeside.admin%40healthprep.test?secret=${secret}&issuer=HealthPrep&algorithm=SHA1&digits=6&period=30`);
    expect(recoveryCodes).toHaveLength(10);
    const stored = await userRow(email);
    expect(stored.totpEnabledAt).toBeNull();
    expect(stored.totpSecretEncrypted).toMatch(/^hp1\./);
    expect(stored.totpSecretEncrypted).not.toContain(secret);
    expect(JSON.stringify(stored.totpRecoveryCodeHashes)).not.toContain(recoveryCodes[0]!.replace("-", ""));
    // Recovery codes do not complete an unconfirmed enrolment.
    await expect(completePasswordSignIn({ challenge: step.challenge, code: recoveryCodes[0], meta })).rejects.toMatchObject({ code: "unauthenticated" });
    await completePasswordSignIn({ challenge: step.challenge, code: codeAt(secret), meta });
    expect((await userRow(email)).totpEnabledAt).toBeInstanceOf(Date);

    const again = await beginPasswordSignIn({ email, password, meta });
    expect(again.next).toBe("totp");
    await expect(completePasswordSignIn({ challenge: again.challenge, code: recoveryCodes[3]!.toUpperCase(), meta })).resolves.toBeTruthy();
    await expect(completePasswordSignIn({ challenge: again.challenge, code: recoveryCodes[3], meta })).rejects.toMatchObject({ code: "unauthenticated" });
    expect((await userRow(email)).totpRecoveryCodeHashes).toHaveLength(9);
  });
});

describe("two-factor on the account page (any signed-in password user)", () => {
  const email = "riverside.staff@healthprep.test";
  const t = (seconds: number) => new Date(Date.UTC(2026, 10, 28, 9, 0, 0) + seconds * 1000);

  it("a staff member enrols, confirms with a code, regenerates recovery codes and turns it off; every change audited", async () => {
    const userId = (await userRow(email)).id;
    const actor = { userId, meta };
    const enrolment = await beginTwoFactorEnrolment(handle.db, actor);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);
    expect((await getAccountSecurity(handle.db, { userId, sessionId: "none" })).twoFactor).toBe("pending");

    // An unconfirmed setup is not a second factor: password sign-in still finishes without a code.
    const pending = await beginPasswordSignIn({ email, password, meta });
    expect(pending.next).toBe("done");
    await expect(completePasswordSignIn({ challenge: pending.challenge, meta })).resolves.toMatchObject({ email });

    await expect(confirmTwoFactorEnrolment(handle.db, { ...actor, code: enrolment.recoveryCodes[0]!, now: t(0) })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(confirmTwoFactorEnrolment(handle.db, { ...actor, code: "000000", now: t(0) })).rejects.toMatchObject({ code: "invalid_input" });
    await confirmTwoFactorEnrolment(handle.db, { ...actor, code: generateTotp(enrolment.secret, t(0).getTime()), now: t(0) });
    expect(await getAccountSecurity(handle.db, { userId, sessionId: "none" })).toMatchObject({ twoFactor: "on", twoFactorRequired: false, recoveryCodesLeft: 10 });
    expect((await beginPasswordSignIn({ email, password, meta })).next).toBe("totp");
    await expect(beginTwoFactorEnrolment(handle.db, actor)).rejects.toMatchObject({ code: "conflict" });

    // New recovery codes need a current code; the old ones stop working.
    await expect(regenerateRecoveryCodes(handle.db, { ...actor, code: "123456", now: t(30) })).rejects.toMatchObject({ code: "invalid_input" });
    const fresh = await regenerateRecoveryCodes(handle.db, { ...actor, code: generateTotp(enrolment.secret, t(30).getTime()), now: t(30) });
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(enrolment.recoveryCodes[1]);
    const step = await beginPasswordSignIn({ email, password, meta });
    await expect(completePasswordSignIn({ challenge: step.challenge, code: enrolment.recoveryCodes[1], meta })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(completePasswordSignIn({ challenge: step.challenge, code: fresh[0], meta })).resolves.toMatchObject({ email });

    await expect(disableTwoFactor(handle.db, { ...actor, code: "" , now: t(60) })).rejects.toMatchObject({ code: "invalid_input" });
    await disableTwoFactor(handle.db, { ...actor, code: fresh[1]!, now: t(60) });
    expect(await userRow(email)).toMatchObject({ totpSecretEncrypted: null, totpEnabledAt: null, totpRecoveryCodeHashes: [] });
    expect((await beginPasswordSignIn({ email, password, meta })).next).toBe("done");

    const audited = (await handle.db.select().from(auditEvents).where(eq(auditEvents.actorUserId, userId))).map((e) => e.action);
    expect(audited).toEqual(
      expect.arrayContaining(["auth.two_factor_enrolment_started", "auth.two_factor_enabled", "auth.recovery_codes_regenerated", "auth.two_factor_disabled"]),
    );
    const rows = JSON.stringify(await handle.db.select().from(auditEvents));
    for (const secretText of [enrolment.secret, fresh[2]!, enrolment.recoveryCodes[2]!]) expect(rows).not.toContain(secretText);
  });

  it("administrators cannot turn two-factor off", async () => {
    const admin = await userRow("admin@healthprep.test");
    await expect(disableTwoFactor(handle.db, { userId: admin.id, meta, code: generateTotp(demoTotpSecret, Date.now()) })).rejects.toMatchObject({
      code: "forbidden",
      publicMessage: expect.stringContaining("Administrators must keep two-factor sign-in on"),
    });
    expect((await userRow("admin@healthprep.test")).totpEnabledAt).toBeInstanceOf(Date);
  });

  it("lists the user's open sessions only, marking the current one", async () => {
    const userId = (await userRow(email)).id;
    await handle.db.delete(userSessions);
    const a = await startUserSession(handle.db, { userId, method: "password", meta, now: new Date() });
    const b = await startUserSession(handle.db, { userId, method: "password", meta, now: new Date() });
    await handle.db.update(userSessions).set({ revokedAt: new Date(), revokedReason: "signed_out" }).where(eq(userSessions.id, b.id));
    const other = await startUserSession(handle.db, { userId: (await userRow("admin@healthprep.test")).id, method: "password", meta, now: new Date() });
    const { sessions } = await getAccountSecurity(handle.db, { userId, sessionId: a.id });
    expect(sessions.map((s) => [s.id, s.current])).toEqual([[a.id, true]]);
    expect(sessions.map((s) => s.id)).not.toContain(other.id);
  });
});
