import { expect, type Page } from "@playwright/test";

export const demoPassword = process.env.HEALTHPREP_SEED_PASSWORD ?? "HealthPrep-demo-2026!";

export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("current-user")).toBeVisible();
}
