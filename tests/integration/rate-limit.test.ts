import { actAs as signIn } from "./fixtures/mock-signed-in-session";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { randomUUID } from "node:crypto";
import { toResponse } from "@/lib/http/to-response";
import { checkClinicRateLimit, checkRateLimit, rateLimitRules } from "@/lib/security/check-rate-limit";
import { openSeededDemo, type SeededDemo } from "./fixtures/open-seeded-demo";

let { handle, userIds, orgIds } = {} as SeededDemo;
beforeAll(async () => {
  ({ handle, userIds, orgIds } = await openSeededDemo("rate-limit-password-1", { totpSecret: null }));
}, 180_000);
afterAll(async () => handle?.close());
afterEach(() => vi.useRealTimers());

const rule = { name: "test", limit: 3, windowMs: 60_000, lockoutMs: 300_000 };
const t0 = new Date("2026-11-28T12:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);
const actAs = (email: string) => signIn({ userId: userIds[email]!, email });

describe("checkRateLimit (database-backed)", () => {
  it("allows the limit, then refuses with retryAfter, and keeps the lockout past the window", async () => {
    for (let i = 0; i < 3; i++) await checkRateLimit(handle.db, rule, "a@x.test", at(i));
    await expect(checkRateLimit(handle.db, rule, "a@x.test", at(4))).rejects.toMatchObject({
      code: "rate_limited",
      details: { retryAfter: 300 },
    });
    // The 60 s window has ended, but the 5-minute lockout holds.
    await expect(checkRateLimit(handle.db, rule, "a@x.test", at(90))).rejects.toMatchObject({ code: "rate_limited" });
    await expect(checkRateLimit(handle.db, rule, "a@x.test", at(400))).resolves.toBeUndefined();
  });

  it("counts subjects separately and starts a new window after one ends", async () => {
    const plain = { name: "plain", limit: 1, windowMs: 60_000 };
    await checkRateLimit(handle.db, plain, "1.2.3.4", at(0));
    await checkRateLimit(handle.db, plain, "5.6.7.8", at(0));
    await expect(checkRateLimit(handle.db, plain, "1.2.3.4", at(10))).rejects.toMatchObject({ code: "rate_limited" });
    await expect(checkRateLimit(handle.db, plain, "1.2.3.4", at(61))).resolves.toBeUndefined();
  });
});

type Result = { ok: boolean; error?: { code: string; message: string } };

describe("clinic rate limits through the real server actions", () => {
  it("prep generation: the 11th “Prepare all” in a minute is refused with retry-after; Lakeside is unaffected; the window resets", async () => {
    const { prepareAllAction } = await import("@/app/o/[orgSlug]/schedule/actions");
    const { limit } = rateLimitRules.prepGenerationPerClinic;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T15:00:00Z"));
    actAs("riverside.admin@healthprep.test");
    const prepare = (orgSlug: string) => prepareAllAction({ orgSlug, date: "2026-03-02" }) as Promise<Result>;
    for (let i = 0; i < limit; i++) expect(await prepare("riverside"), `call ${i + 1}`).toMatchObject({ ok: true });
    vi.setSystemTime(new Date("2026-03-02T15:00:20Z"));
    const refused = await prepare("riverside");
    expect(refused).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(refused.error!.message).toBe(`This clinic has reached its limit of ${limit} prep sheet requests per minute. Try again in 40 seconds.`);

    actAs("lakeside.admin@healthprep.test");
    expect(await prepare("lakeside")).toMatchObject({ ok: true });

    actAs("riverside.admin@healthprep.test");
    vi.setSystemTime(new Date("2026-03-02T15:01:01Z"));
    expect(await prepare("riverside")).toMatchObject({ ok: true });
  });

  it("write-back: the 31st “Send to Epic” in a minute is refused; Lakeside is unaffected; the window resets", async () => {
    const { sendToEpicAction } = await import("@/app/o/[orgSlug]/prep-sheets/[prepSheetId]/actions");
    const { limit } = rateLimitRules.writeBackPerClinic;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-03T15:00:00Z"));
    actAs("riverside.admin@healthprep.test");
    // No such sheet: each allowed call gets past the limit and answers not_found before Epic is contacted.
    const send = (orgSlug: string) => sendToEpicAction({ orgSlug, prepSheetId: randomUUID() }) as Promise<Result>;
    for (let i = 0; i < limit; i++) expect(await send("riverside"), `call ${i + 1}`).toMatchObject({ ok: false, error: { code: "not_found" } });
    const refused = await send("riverside");
    expect(refused).toMatchObject({ ok: false, error: { code: "rate_limited" } });
    expect(refused.error!.message).toBe(`This clinic has reached its limit of ${limit} sends to Epic per minute. Try again in 60 seconds.`);

    actAs("lakeside.admin@healthprep.test");
    expect(await send("lakeside")).toMatchObject({ ok: false, error: { code: "not_found" } });

    actAs("riverside.admin@healthprep.test");
    vi.setSystemTime(new Date("2026-03-03T15:01:00Z"));
    expect(await send("riverside")).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("a route handler answers 429 with Retry-After and the same message", async () => {
    const clinic = orgIds.riverside!;
    const rule = { ...rateLimitRules.prepGenerationPerClinic, name: "route-test" };
    const now = at(0);
    for (let i = 0; i < rule.limit; i++) await checkClinicRateLimit(handle.db, rule, clinic, now);
    const error = await checkClinicRateLimit(handle.db, rule, clinic, at(15)).catch((e: unknown) => e);
    const response = toResponse(error);
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("45");
    expect(await response.json()).toEqual({
      error: { code: "rate_limited", message: `This clinic has reached its limit of ${rule.limit} prep sheet requests per minute. Try again in 45 seconds.` },
    });
  });
});
