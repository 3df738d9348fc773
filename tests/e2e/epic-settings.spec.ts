import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

test("a clinic admin tests the Epic connection and sees token status", async ({ page }) => {
  await signIn(page, "riverside.admin@healthprep.test");
  await page.goto("/o/riverside/settings/epic");
  await expect(page.getByRole("heading", { level: 1, name: "Epic connection" })).toBeVisible();
  await expect(page.getByLabel("Client ID", { exact: true })).toHaveValue("healthprep-confidential");
  // The stored secret is never sent back to the browser.
  await expect(page.getByLabel(/Client secret/)).toHaveValue("");
  expect(await page.content()).not.toContain("healthprep-sandbox-secret");
  await page.getByRole("button", { name: "Test connection" }).click();
  const checks = page.getByTestId("connection-checks");
  await expect(checks).toContainText("✓ SMART discovery");
  await expect(checks).toContainText("✓ client authentication");
  await expect(checks).toContainText("✓ FHIR metadata");
});

test("staff cannot open the Epic settings", async ({ page }) => {
  await signIn(page, "riverside.staff@healthprep.test");
  const response = await page.goto("/o/riverside/settings/epic");
  expect(response!.status()).toBe(404);
});
