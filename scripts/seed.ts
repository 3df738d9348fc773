import { env } from "@/lib/env";
import { databaseUrlFromEnv, openDatabase } from "@/db/client";
import { demoTotpSecret, demoUsers, seedDemo } from "@/lib/demo/seed-demo";

// `npm run db:seed`. The demo password is fixed for local use only; production must choose one.
const defaultDemoPassword = "HealthPrep-demo-2026!";
if (env.NODE_ENV === "production" && !env.HEALTHPREP_SEED_PASSWORD) {
  throw new Error("Invalid environment variable HEALTHPREP_SEED_PASSWORD: required to seed a production database");
}
const password = env.HEALTHPREP_SEED_PASSWORD ?? defaultDemoPassword;
const handle = await openDatabase(databaseUrlFromEnv());
const { created } = await seedDemo(handle.db, password, { sandboxPort: env.EPIC_SANDBOX_PORT });
await handle.close();

const lines = [
  `db:seed: ${created === 0 ? "already seeded" : `${created} rows added`} (${handle.kind})`,
  "Sign in at http://localhost:3000/sign-in with email + password:",
  ...demoUsers.map((u) => `  ${u.email.padEnd(34)} ${u.isPlatformAdmin ? "platform admin" : u.memberOf.map(([o, r]) => `${r} @ ${o}`).join(", ")}`),
  `  password: ${env.HEALTHPREP_SEED_PASSWORD ? "(HEALTHPREP_SEED_PASSWORD)" : password}`,
  env.NODE_ENV === "production"
    ? "  admins set up two-factor at their first sign-in"
    : `  admins' TOTP secret (add to an authenticator app): ${demoTotpSecret}`,
];
process.stdout.write(`${lines.join("\n")}\n`);
