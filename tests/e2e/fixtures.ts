import { expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import { hotp, decodeBase32, totpStep } from "../../lib/auth/totp";

export const demoPassword = process.env.HEALTHPREP_SEED_PASSWORD ?? "HealthPrep-demo-2026!";
/** lib/demo/seed-demo.ts `demoTotpSecret`: the demo admins' TOTP secret outside production. */
export const demoTotpSecret = process.env.HEALTHPREP_SEED_TOTP_SECRET ?? "HPDEMOTOTPSECRETHPDEMOTOTPSECRET";

// The server accepts each time step once per account (no replays) and one step of clock drift, so
// repeated sign-ins of one account use the next unused step, waiting for the clock when needed.
const lastStep = new Map<string, number>();

async function nextCode(email: string): Promise<string> {
  const wanted = Math.max(totpStep(Date.now()), (lastStep.get(email) ?? -1) + 1);
  while (totpStep(Date.now()) + 1 < wanted) await new Promise((r) => setTimeout(r, 500));
  lastStep.set(email, wanted);
  return hotp(decodeBase32(demoTotpSecret), wanted);
}

type Cookies = Awaited<ReturnType<BrowserContext["cookies"]>>;

// Sessions of accounts that sign in with a TOTP code (the demo admins), kept for this worker. The
// server takes each 30-second step once per account, so the suite's many admin sign-ins used to wait
// minutes for the clock. A kept session is reused only while the server still accepts it (a page
// load shows the signed-in shell), else the account signs in again. Password and two-factor sign-in
// themselves are proved by each admin's first sign-in here and by the specs using submitSignIn.
const keptSessions = new Map<string, Cookies>();

async function resumeKeptSession(page: Page, email: string): Promise<boolean> {
  const cookies = keptSessions.get(email);
  if (!cookies) return false;
  await page.context().addCookies(cookies);
  await page.goto("/");
  const user = page.getByTestId("current-user");
  await expect(user.or(page.getByLabel("Email"))).toBeVisible();
  if (await user.isVisible()) return true;
  // Signed out, expired or revoked since: forget it and sign in afresh.
  keptSessions.delete(email);
  await page.context().clearCookies();
  return false;
}

/** Signed in as the account: a kept admin session when the server still accepts it, else signInAfresh. */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  if (password === demoPassword && (await resumeKeptSession(page, email))) return;
  await signInAfresh(page, email, password);
}

/** The sign-in form, with the second step when the account has one; an admin's session is then kept. */
export async function signInAfresh(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const code = page.getByLabel("Authentication code");
  const user = page.getByTestId("current-user");
  await expect(code.or(user)).toBeVisible();
  if (await code.isVisible()) {
    // Playwright starts a new worker after a failed test, which forgets `lastStep`; a code already
    // used in this time step is then refused, so move on to the next step once.
    const refused = page.getByRole("alert").filter({ hasText: "code is not valid" });
    for (let attempt = 0; attempt < 2; attempt += 1) {
      if (attempt > 0) lastStep.set(email, Math.max(lastStep.get(email) ?? -1, totpStep(Date.now())));
      await code.fill(await nextCode(email));
      await page.getByRole("button", { name: "Verify" }).click();
      await expect(user.or(refused)).toBeVisible();
      if (await user.isVisible()) break;
    }
    await expect(user).toBeVisible();
    if (password === demoPassword) keptSessions.set(email, await page.context().cookies());
  }
  await expect(user).toBeVisible();
}

/** Like the demo admins' codes, for any account's secret (e.g. one enrolled during a test); same no-replay rule. */
export async function nextTotpCode(email: string, secret: string): Promise<string> {
  const wanted = Math.max(totpStep(Date.now()), (lastStep.get(email) ?? -1) + 1);
  while (totpStep(Date.now()) + 1 < wanted) await new Promise((r) => setTimeout(r, 500));
  lastStep.set(email, wanted);
  return hotp(decodeBase32(secret), wanted);
}

/** Password sign-in whose second step must use `code` (a TOTP or recovery code); returns the page as it stands after Verify. */
export async function submitSignIn(page: Page, email: string, code: () => Promise<string>, password = demoPassword): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByLabel("Authentication code").fill(await code());
  await page.getByRole("button", { name: "Verify" }).click();
}

// The e2e database (scripts/test.mjs passes DATABASE_URL): specs that need users of their own add them
// directly, so they never change the demo users other specs rely on. Only on PostgreSQL: the PGlite
// directory is held open by `next start`.
const e2eDatabaseUrl = process.env.DATABASE_URL ?? "";
export const canAddE2eUsers = /^postgres(ql)?:\/\//.test(e2eDatabaseUrl);

/** A password user (the demo password, no two-factor) who is a member of one demo clinic. */
export async function addE2eMember(input: { email: string; name: string; orgSlug: string; role: "org_admin" | "provider" | "staff" }): Promise<string> {
  const { default: pg } = await import("pg");
  const { hashPassword } = await import("../../lib/auth/password");
  const { createId } = await import("../../lib/ids");
  const client = new pg.Client({ connectionString: e2eDatabaseUrl });
  await client.connect();
  try {
    const userId = createId("user");
    await client.query("insert into users (id, email, name, password_hash) values ($1, $2, $3, $4)", [userId, input.email, input.name, await hashPassword(demoPassword)]);
    const added = await client.query("insert into memberships (id, organization_id, user_id, role) select $1, id, $2, $3 from organizations where slug = $4", [
      createId("membership"), userId, input.role, input.orgSlug,
    ]);
    if (added.rowCount !== 1) throw new Error(`no clinic ${input.orgSlug}`);
    return userId;
  } finally {
    await client.end();
  }
}

/** The Epic sandbox Playwright starts beside the app (playwright.config.ts). */
export const sandboxOrigin = `http://127.0.0.1:${process.env.EPIC_SANDBOX_PORT ?? 4510}`;

/** Sign in with Epic as the sandbox clinician FHIR: HealthPrep → sandbox login → consent → back. */
export async function signInWithEpic(page: Page): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Clinic").selectOption("riverside");
  await page.getByRole("button", { name: "Sign in with Epic" }).click();
  await page.waitForURL(new RegExp(`^${sandboxOrigin}/oauth2/`));
  await page.getByLabel("User ID").fill("FHIR");
  await page.getByLabel("Password").fill("EpicFhir11!");
  await page.getByRole("button", { name: "Log In" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
}

/**
 * Waits until the row's patient has been synced and screened (their page lists screenings): opening
 * the schedule syncs and screens the day's patients by itself, in whatever order the jobs finish.
 */
export async function waitForScreenedPatient(page: Page, row: Locator): Promise<void> {
  await row.getByTestId("patient-name").click();
  await expect(page).toHaveURL(/\/patients\/pat_[0-9A-Z]{26}$/);
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("screening-row").first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 180_000, intervals: [1_000, 2_000, 5_000] });
  await page.goBack();
}
