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

test("a wrong value keeps the other edits and says what is wrong in plain words", async ({ page }) => {
  await signIn(page, "riverside.admin@healthprep.test");
  await page.goto("/o/riverside/settings/epic");
  const scopes = page.getByLabel("Scopes");
  const edited = `${await scopes.inputValue()} patient/Goal.read`;
  await scopes.fill(edited);
  await page.getByLabel("Backend Services client ID (optional)").fill("backend-edit-kept");
  await page.getByLabel("FHIR base URL (iss)").fill("not a web address");
  await page.getByLabel("Client ID", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save connection" }).click();
  const error = page.getByTestId("epic-form-error");
  // Both problems at once, named as the form names them; no internal field names or library text.
  await expect(error).toHaveText("FHIR base URL must be the clinic's FHIR R4 base URL. Client ID is required.");
  await expect(page.getByLabel("FHIR base URL (iss)")).toHaveAttribute("aria-invalid", "true");
  await expect(scopes).toHaveValue(edited);
  await expect(page.getByLabel("Backend Services client ID (optional)")).toHaveValue("backend-edit-kept");
  await expect(page.getByLabel("FHIR base URL (iss)")).toHaveValue("not a web address");
  // Nothing was saved.
  await page.reload();
  await expect(page.getByLabel("Client ID", { exact: true })).toHaveValue("healthprep-confidential");
});

test("staff cannot open the Epic settings, and are not offered a link to them", async ({ page }) => {
  await signIn(page, "riverside.staff@healthprep.test");
  await page.goto("/o/riverside/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Epic connection/ })).toHaveCount(0);
  const response = await page.goto("/o/riverside/settings/epic");
  expect(response!.status()).toBe(404);
});
