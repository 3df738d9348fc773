import { expect, type Page } from "@playwright/test";
import { hotp, decodeBase32, totpStep } from "../../lib/auth/totp";

export const demoPassword = process.env.HEALTHPREP_SEED_PASSWORD ?? "HealthPrep-demo-2026!";
/** db/seed-demo.ts `demoTotpSecret`: the demo admins' TOTP secret outside production. */
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

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  const code = page.getByLabel("Authentication code");
  const user = page.getByTestId("current-user");
  await expect(code.or(user)).toBeVisible();
  if (await code.isVisible()) {
    await code.fill(await nextCode(email));
    await page.getByRole("button", { name: "Verify" }).click();
  }
  await expect(user).toBeVisible();
}
