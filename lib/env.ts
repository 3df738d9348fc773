import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The only reader of process.env. Embedded mode (no .env at all) gets working defaults; a production
 * server refuses to start without real secrets (checked below, not at `next build`, which has none).
 */
const nodeEnv = process.env.NODE_ENV ?? "development";

// Known, public values: only ever used when NODE_ENV is not production.
const embeddedAuthSecret = "healthprep-embedded-development-secret-not-for-production";
const embeddedEncryptionKeys = "dev1:aGVhbHRocHJlcC1lbWJlZGRlZC1kZXYta2V5LTMyYnk=";

const encryptionKeysSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{40,64}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=]{40,64})*$/,
    "expected comma-separated KEYID:BASE64(32 bytes) entries, the first one active",
  );

const databaseUrlSchema = z
  .string()
  .refine(
    (v) => v === "memory://" || v.startsWith("pglite://") || /^postgres(ql)?:\/\//.test(v),
    "expected postgres://…, postgresql://…, pglite://DIR or memory://",
  );

export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: databaseUrlSchema.optional(),
    PGLITE_DIR: z.string().default(".data/pglite"),
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").default(embeddedAuthSecret),
    AUTH_URL: z.url().optional(),
    ENCRYPTION_KEYS: encryptionKeysSchema.default(embeddedEncryptionKeys),
    INNGEST_EVENT_KEY: z.string().min(1).optional(),
    INNGEST_SIGNING_KEY: z.string().min(1).optional(),
    INNGEST_DEV: z.string().optional(),
    // "in-process" runs jobs inside the server even in production (single-server installs, e2e tests).
    JOBS_MODE: z.enum(["auto", "inngest", "in-process"]).default("auto"),
    FRAME_ANCESTORS: z.string().default("'self'"),
    EPIC_SANDBOX_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
    OCR_PROVIDER: z.enum(["auto", "tesseract-js", "native"]).default("auto"),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    // Password sign-in attempts per client address per 15 minutes (accounts have their own limit).
    SIGN_IN_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).default(30),
    HEALTHPREP_SEED_PASSWORD: z.string().min(12).optional(),
  },
  client: {},
  runtimeEnv: {
    NODE_ENV: process.env.NODE_ENV,
    DATABASE_URL: process.env.DATABASE_URL,
    PGLITE_DIR: process.env.PGLITE_DIR,
    AUTH_SECRET: process.env.AUTH_SECRET,
    AUTH_URL: process.env.AUTH_URL,
    ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS,
    INNGEST_EVENT_KEY: process.env.INNGEST_EVENT_KEY,
    INNGEST_SIGNING_KEY: process.env.INNGEST_SIGNING_KEY,
    INNGEST_DEV: process.env.INNGEST_DEV,
    JOBS_MODE: process.env.JOBS_MODE,
    FRAME_ANCESTORS: process.env.FRAME_ANCESTORS,
    EPIC_SANDBOX_PORT: process.env.EPIC_SANDBOX_PORT,
    OCR_PROVIDER: process.env.OCR_PROVIDER,
    LOG_LEVEL: process.env.LOG_LEVEL,
    SIGN_IN_ATTEMPTS_PER_IP: process.env.SIGN_IN_ATTEMPTS_PER_IP,
    HEALTHPREP_SEED_PASSWORD: process.env.HEALTHPREP_SEED_PASSWORD,
  },
  emptyStringAsUndefined: true,
  onValidationError: (issues) => {
    const detail = issues
      .map((i) => `${i.path?.map((p) => (typeof p === "object" ? p.key : p)).join(".") ?? "?"}: ${i.message}`)
      .join("; ");
    throw new Error(`Invalid environment variable ${detail}`);
  },
});

/** Names of the secrets a production server must be given; exported for the startup check and its test. */
export function findMissingProductionSecrets(values: Record<string, string | undefined>): string[] {
  const missing: string[] = [];
  if (!values.AUTH_SECRET || values.AUTH_SECRET === embeddedAuthSecret) missing.push("AUTH_SECRET");
  if (!values.ENCRYPTION_KEYS || values.ENCRYPTION_KEYS === embeddedEncryptionKeys) missing.push("ENCRYPTION_KEYS");
  if (!values.DATABASE_URL) missing.push("DATABASE_URL");
  if (values.JOBS_MODE !== "in-process") {
    if (!values.INNGEST_EVENT_KEY) missing.push("INNGEST_EVENT_KEY");
    if (!values.INNGEST_SIGNING_KEY) missing.push("INNGEST_SIGNING_KEY");
  }
  return missing;
}

/**
 * Called once when a server starts (instrumentation.ts), not at `next build`, which runs without
 * production secrets. A production server without them refuses to start.
 */
export function assertProductionSecrets(): void {
  if (nodeEnv !== "production") return;
  const missing = findMissingProductionSecrets({
    AUTH_SECRET: process.env.AUTH_SECRET,
    ENCRYPTION_KEYS: process.env.ENCRYPTION_KEYS,
    DATABASE_URL: process.env.DATABASE_URL,
    INNGEST_EVENT_KEY: process.env.INNGEST_EVENT_KEY,
    INNGEST_SIGNING_KEY: process.env.INNGEST_SIGNING_KEY,
    JOBS_MODE: process.env.JOBS_MODE,
  });
  if (missing.length > 0) {
    throw new Error(`Invalid environment variable ${missing.join(", ")}: required in production (see README, Production)`);
  }
}

export const isProduction = env.NODE_ENV === "production";

/** The environment for a child process (e.g. native tesseract): inherited as is, plus `extra`. */
export function childProcessEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
