import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { addE2eMember, canAddE2eUsers, nextTotpCode, signIn, submitSignIn } from "./fixtures";

// Each test adds its own staff member, so enrolling two-factor or removing a member never changes
// the demo users the other specs sign in as.
test.skip(!canAddE2eUsers, "adds its own users to the e2e database: run with TEST_DATABASE_URL (PostgreSQL)");

const unique = (label: string) => `${label}.${Date.now()}.${Math.floor(Math.random() * 1e6)}@healthprep.test`;

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
}

async function newSignedInPage(browser: Browser, baseURL: string | undefined, email: string) {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("a staff member turns on two-factor on the account page, then signs in with a code and with a recovery code once", async ({ page }) => {
  const email = unique("casey");
  await addE2eMember({ email, name: "Casey Account", orgSlug: "riverside", role: "staff" });
  await signIn(page, email);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
  await expect(page.getByTestId("two-factor-status")).toHaveText("Off");
  await expect(page.getByTestId("session-row")).toHaveCount(1);
  // Sessions belong to no clinic: they read in the person's own clinic's zone (Riverside, New York), labelled.
  await expect(page.getByTestId("session-row").locator("td").first()).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} (AM|PM) E[SD]T$/);

  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByTestId("otpauth-uri")).toHaveText(new RegExp(`^otpauth://totp/HealthPrep%3A.*secret=${secret}`));
  const recoveryCodes = await page.getByTestId("recovery-codes").locator("li").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  await page.getByLabel("Code from your app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That code is not valid. Wait for a new code and try again.");
  await page.getByLabel("Code from your app").fill(await nextTotpCode(email, secret));
  await page.getByRole("button", { name: "Turn on two-factor" }).click();
  await expect(page.getByTestId("two-factor-status")).toHaveText("On");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("10 unused recovery codes left.");

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  await page.setViewportSize({ width: 900, height: 900 }); // tablet width
  await page.screenshot({ path: test.info().outputPath("account.png"), fullPage: true });

  // Signing in now needs the second step.
  await signOut(page);
  await submitSignIn(page, email, () => nextTotpCode(email, secret));
  await expect(page.getByTestId("current-user")).toHaveText("Casey Account");

  // A recovery code works once.
  await signOut(page);
  await submitSignIn(page, email, async () => recoveryCodes[0]!);
  await expect(page.getByTestId("current-user")).toBeVisible();
  await page.goto("/account");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("9 unused recovery codes left.");
  await signOut(page);
  await submitSignIn(page, email, async () => recoveryCodes[0]!);
  await expect(page.locator("#sign-in-error")).toHaveText("That code is not valid. Wait for a new code and try again.");
  await expect(page.getByTestId("current-user")).toHaveCount(0);
});

test("“Sign out everywhere” on the account page ends the session in another browser", async ({ page, browser, baseURL }) => {
  const email = unique("sol");
  await addE2eMember({ email, name: "Sol Everywhere", orgSlug: "riverside", role: "staff" });
  const other = await newSignedInPage(browser, baseURL, email);
  await signIn(page, email);
  await page.goto("/account");
  await expect(page.getByTestId("session-row")).toHaveCount(2);
  await expect(page.getByTestId("session-row").filter({ hasText: "This session" })).toHaveCount(1);

  await page.getByRole("main").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  // The other browser still holds a valid-looking cookie; the server refuses it.
  await other.goto("/o/riverside/schedule");
  await expect(other).toHaveURL(/\/sign-in/);
  await other.context().close();
});

test("a member removed by the clinic admin is signed out on their next request", async ({ page, browser, baseURL }) => {
  const email = unique("remy");
  await addE2eMember({ email, name: "Remy Removed", orgSlug: "riverside", role: "staff" });
  const member = await newSignedInPage(browser, baseURL, email);
  await member.goto("/o/riverside/schedule");
  await expect(member.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();

  await signIn(page, "riverside.admin@healthprep.test");
  await page.goto("/o/riverside/settings");
  const row = page.getByTestId("member-row").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Remove Remy Removed" }).click();
  await expect(row).toHaveCount(0);

  await member.reload();
  await expect(member).toHaveURL(/\/sign-in/);
  await member.context().close();
});
