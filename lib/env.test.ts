import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("env", () => {
  it("works with no configuration at all (embedded mode)", async () => {
    for (const k of ["DATABASE_URL", "AUTH_SECRET", "ENCRYPTION_KEYS", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) vi.stubEnv(k, "");
    const { env } = await import("./env");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.ENCRYPTION_KEYS).toMatch(/^dev1:/);
  });

  it.each([
    ["ENCRYPTION_KEYS", "not-a-keyring"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["AUTH_SECRET", "short"],
    ["OCR_PROVIDER", "cloud"],
  ])("names the bad variable %s", async (name, value) => {
    vi.stubEnv(name, value);
    await expect(import("./env")).rejects.toThrow(new RegExp(`Invalid environment variable ${name}`));
  });

  it("refuses a production start without secrets, naming each", async () => {
    vi.stubEnv("NODE_ENV", "production");
    for (const k of ["DATABASE_URL", "AUTH_SECRET", "ENCRYPTION_KEYS", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) vi.stubEnv(k, "");
    const { assertProductionSecrets } = await import("./env");
    expect(() => assertProductionSecrets()).toThrow(
      "Invalid environment variable AUTH_SECRET, ENCRYPTION_KEYS, DATABASE_URL, INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY",
    );
  });

  it("does not ask for Inngest keys when jobs run in-process", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("JOBS_MODE", "in-process");
    for (const k of ["AUTH_SECRET", "ENCRYPTION_KEYS", "DATABASE_URL", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"]) vi.stubEnv(k, "");
    const { assertProductionSecrets } = await import("./env");
    expect(() => assertProductionSecrets()).toThrow(/^Invalid environment variable AUTH_SECRET, ENCRYPTION_KEYS, DATABASE_URL: required/);
  });

  it("accepts a complete production configuration", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("AUTH_SECRET", "x".repeat(40));
    vi.stubEnv("ENCRYPTION_KEYS", `k1:${Buffer.alloc(32, 7).toString("base64")}`);
    vi.stubEnv("DATABASE_URL", "postgres://u@db.example.neon.tech/app");
    vi.stubEnv("INNGEST_EVENT_KEY", "evt");
    vi.stubEnv("INNGEST_SIGNING_KEY", "signkey-prod-abc");
    const { assertProductionSecrets } = await import("./env");
    expect(() => assertProductionSecrets()).not.toThrow();
  });
});
