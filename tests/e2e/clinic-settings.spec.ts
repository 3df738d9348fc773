import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// The admin tests change Lakeside's settings (dry run, windows, timeouts), so the provider journeys
// that run on Riverside in the same e2e database are not affected by them.
const base = "/o/lakeside/settings";

async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function saveAndReload(page: Page) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
  await page.reload();
}

test.describe("clinic settings as the clinic admin", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "lakeside.admin@healthprep.test");
  });

  test("prep sheet: windows, notes lines and checklist persist", async ({ page }) => {
    await page.goto(`${base}/prep-sheet`);
    await expect(page.getByRole("heading", { level: 1, name: "Prep sheet" })).toBeVisible();
    const labs = page.getByRole("group", { name: "Labs" });
    await labs.getByLabel("Window").selectOption("since_last_visit");
    await labs.getByLabel("Months when there is no prior visit").fill("9");
    await page.getByLabel("Blank lines for notes").fill("5");
    await page.getByLabel("Visit checklist").fill("Check feet\nReview inhaler technique");
    await saveAndReload(page);
    await expect(labs.getByLabel("Window")).toHaveValue("since_last_visit");
    await expect(labs.getByLabel("Months when there is no prior visit")).toHaveValue("9");
    await expect(page.getByLabel("Blank lines for notes")).toHaveValue("5");
    await expect(page.getByLabel("Visit checklist")).toHaveValue("Check feet\nReview inhaler technique");
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath("settings-prep-sheet.png"), fullPage: true });
  });

  test("screening timing persists; an out-of-range value shows the field error and is not saved", async ({ page }) => {
    await page.goto(`${base}/screening-timing`);
    await page.getByLabel("Due soon (days before due)").fill("40");
    await saveAndReload(page);
    await expect(page.getByLabel("Due soon (days before due)")).toHaveValue("40");

    await page.getByLabel("Minimum OCR confidence").fill("1.5");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    const field = page.getByLabel("Minimum OCR confidence");
    await expect(page.getByText("must be at most 1", { exact: true })).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveValue("1.5");
    await expect(page.getByRole("alert").filter({ hasText: "Not saved" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath("settings-screening-timing.png"), fullPage: true });
    await page.reload();
    await expect(page.getByLabel("Minimum OCR confidence")).toHaveValue("0.8");
  });

  test("write-back: dry run, daily cap, status and note type persist", async ({ page }) => {
    await page.goto(`${base}/write-back`);
    await page.getByLabel("Dry run").check();
    await page.getByLabel("Notes per patient per day").fill("4");
    await page.getByLabel("Note status").selectOption("final");
    await page.getByLabel("Type", { exact: true }).selectOption("custom");
    await page.getByLabel("Code", { exact: true }).fill("34117-2");
    await page.getByLabel("Display (optional)").fill("History and physical note");
    await saveAndReload(page);
    await expect(page.getByLabel("Dry run")).toBeChecked();
    await expect(page.getByLabel("Notes per patient per day")).toHaveValue("4");
    await expect(page.getByLabel("Note status")).toHaveValue("final");
    await expect(page.getByLabel("Code", { exact: true })).toHaveValue("34117-2");
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath("settings-write-back.png"), fullPage: true });
  });

  test("sessions persist, and an idle timeout under 5 minutes is refused", async ({ page }) => {
    await page.goto(`${base}/sessions`);
    await expect(page.getByText(/default 30/)).toBeVisible();
    await page.getByLabel("Sign out after inactivity (minutes)").fill("2");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText("must be at least 5", { exact: true })).toBeVisible();
    await page.getByLabel("Sign out after inactivity (minutes)").fill("45");
    await page.getByLabel("Sign out after (hours), however active").fill("10");
    await saveAndReload(page);
    await expect(page.getByLabel("Sign out after inactivity (minutes)")).toHaveValue("45");
    await expect(page.getByLabel("Sign out after (hours), however active")).toHaveValue("10");
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath("settings-sessions.png"), fullPage: true });
  });

  test("invites a member, and refuses an existing one", async ({ page }) => {
    const email = `e2e.invite.${Date.now()}@example.test`;
    await page.goto(base);
    // Every problem at once, beside its field, in plain words; what was typed stays.
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByLabel("Epic user (optional)").fill("Patient/123");
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.locator("#invite-email-error")).toHaveText("must be an email address");
    await expect(page.locator("#invite-name-error")).toHaveText("is required");
    await expect(page.locator("#invite-epicUser-error")).toHaveText("must be an Epic user such as Practitioner/abc123, or left empty");
    await expect(page.getByLabel("Email")).toHaveValue("not-an-email");
    await expect(page.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Epic user (optional)").fill("");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name", { exact: true }).fill("Ivy Invited");
    await page.locator("#invite-role").selectOption("provider");
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Member added (new account, no password)" })).toBeVisible();
    await expect(page.getByTestId("member-row").filter({ hasText: email })).toBeVisible();

    await page.getByLabel("Email").fill("lakeside.admin@healthprep.test");
    await page.getByLabel("Name", { exact: true }).fill("Sam");
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "already a member of this clinic" })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: test.info().outputPath("settings-members.png"), fullPage: true });
  });
});

test("staff see the settings read-only and cannot invite", async ({ page }) => {
  await signIn(page, "riverside.staff@healthprep.test");
  await page.goto("/o/riverside/settings/sessions");
  await expect(page.getByText("Only clinic administrators can change these settings.")).toBeVisible();
  await expect(page.getByLabel("Sign out after inactivity (minutes)")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await page.goto("/o/riverside/settings");
  await expect(page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath("settings-staff-read-only.png"), fullPage: true });
});
