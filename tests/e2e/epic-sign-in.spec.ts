import { expect, test, type Page } from "@playwright/test";

const sandbox = `http://127.0.0.1:${process.env.EPIC_SANDBOX_PORT ?? 4510}`;
const fhirBase = `${sandbox}/api/FHIR/R4`;

async function loginOnEpic(page: Page) {
  await page.waitForURL(new RegExp(`^${sandbox}/oauth2/`));
  await page.getByLabel("User ID").fill("FHIR");
  await page.getByLabel("Password").fill("EpicFhir11!");
  await page.getByRole("button", { name: "Log In" }).click();
  await page.getByRole("button", { name: "Allow" }).click();
}

test("a clinician signs in with Epic and lands on the schedule", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Clinic").selectOption("riverside");
  let callback: string | undefined;
  page.on("request", (r) => {
    if (r.url().includes("/api/auth/callback/epic")) callback = r.url();
  });
  await page.getByRole("button", { name: "Sign in with Epic" }).click();
  await loginOnEpic(page);
  await expect(page).toHaveURL(/\/o\/riverside\/schedule$/);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await expect(page.getByText("Provider", { exact: true })).toBeVisible();

  // The code in that callback was used once; replaying it in a fresh browser signs nobody in.
  expect(callback).toContain("code=");
  const fresh = await page.context().browser()!.newContext();
  const replay = await fresh.newPage();
  await replay.goto(callback!);
  await expect(replay).toHaveURL(/\/sign-in/);
  await replay.goto(new URL("/o/riverside/schedule", callback!).toString());
  await expect(replay).toHaveURL(/\/sign-in/);
  await fresh.close();
});

test("a callback whose state does not match the browser's is refused", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Clinic").selectOption("riverside");
  await page.getByRole("button", { name: "Sign in with Epic" }).click();
  await page.waitForURL(new RegExp(`^${sandbox}/oauth2/`));
  // Someone else's callback (a code and state not issued to this browser) must not sign it in.
  await page.goto("/api/auth/callback/epic?code=stolen-code&state=forged-state");
  await expect(page).toHaveURL(/\/sign-in\?error=/);
  await expect(page.getByRole("alert").filter({ hasText: "Epic sign-in did not complete" })).toBeVisible();
  await page.goto("/o/riverside/schedule");
  await expect(page).toHaveURL(/\/sign-in/);
});

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
