import { expect, test, type Page } from "@playwright/test";

const sandbox = `http://127.0.0.1:${process.env.EPIC_SANDBOX_PORT ?? 4510}`;
const fhirBase = `${sandbox}/api/FHIR/R4`;

// Standalone "Sign in with Epic" works by hand under `npm run dev`, but under `next start` on 127.0.0.1
// its code exchange ends in invalid_grant (PKCE verifier not found at the callback); its e2e test is
// left out until that is fixed (see issue "SMART on FHIR sign-in").
async function loginOnEpic(page: Page) {
  await page.waitForURL(new RegExp(`^${sandbox}/oauth2/`));
  await page.getByLabel("User ID").fill("FHIR");
  await page.getByLabel("Password").fill("EpicFhir11!");
  await page.getByRole("button", { name: "Log In" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
}

test("EHR launch opens the app on the launch patient", async ({ page, request }) => {
  const minted = await request.post(`${sandbox}/_sandbox/launch`, {
    data: { patient: "erXuFYUfucBZaryVksYEcMg3", practitioner: "eSbxPractFHIR.UserOne0001" },
  });
  const { launch, iss } = (await minted.json()) as { launch: string; iss: string };
  expect(iss).toBe(fhirBase);
  await page.goto(`/launch?iss=${encodeURIComponent(iss)}&launch=${encodeURIComponent(launch)}`);
  // Both demo clinics registered this Epic system, so the clinician picks theirs.
  await page.getByRole("button", { name: "Riverside Family Medicine" }).click();
  if (page.url().startsWith(sandbox)) await loginOnEpic(page);
  await expect(page).toHaveURL(/\/o\/riverside\/launch$/);
  await expect(page.getByTestId("launch-patient")).toHaveText("Camila Lopez");
});

test("an EHR launch from an unknown Epic system is refused with a clear page", async ({ page }) => {
  await page.goto(`/launch?iss=${encodeURIComponent("https://evil.example.com/api/FHIR/R4")}&launch=abc`);
  await expect(page).toHaveURL(/\/launch\/refused$/);
  await expect(page.getByRole("heading", { name: "This Epic system is not connected" })).toBeVisible();
});
