import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkRateLimit } from "@/lib/security/check-rate-limit";
import { createTestDatabase } from "../setup/test-db";

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => handle?.close());

const rule = { name: "test", limit: 3, windowMs: 60_000, lockoutMs: 300_000 };
const t0 = new Date("2026-11-28T12:00:00Z");
const at = (s: number) => new Date(t0.getTime() + s * 1000);

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
