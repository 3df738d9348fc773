import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// The states around the content: a record that is not there, a page on its way, and where that
// leads. Screenshots land in test-results/<test>/ beside the main pages'.

test("a record outside the clinic is 'not found' inside the shell; an unknown address outside it", async ({ page }) => {
  await signIn(page, "riverside.admin@healthprep.test");
  const response = await page.goto("/o/riverside/patients/pat_01NOTAPATIENTOFTHISCLINIC0");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found in this clinic" })).toBeVisible();
  // The clinic's navigation stays, so the user is one click from where they were.
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Schedule" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("not-found-in-clinic.png"), fullPage: true });
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.getByRole("link", { name: "Back to the schedule" }).click();
  await expect(page).toHaveURL(/\/o\/riverside\/schedule$/);

  const unknown = await page.goto("/no-such-page");
  expect(unknown?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page).toHaveTitle("Page not found · HealthPrep");
  await page.screenshot({ path: test.info().outputPath("not-found.png"), fullPage: true });
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.getByRole("link", { name: "Go to my schedule" }).click();
  await expect(page).toHaveURL(/\/o\/riverside\/schedule$/);
});

test("while the next page is on its way the clicked link shows it is loading, then the page comes", async ({ page }) => {
  await signIn(page, "riverside.admin@healthprep.test");
  await expect(page.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  // Hold the patients page's server answer (the RSC request of the client navigation) for a moment.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/o\/riverside\/patients(\?|$)/, async (route) => {
    await held;
    await route.continue();
  });
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" });
  await link.click();
  await expect(link.getByTestId("link-pending")).toBeVisible();
  await expect(link.getByRole("status")).toHaveText("Loading…");
  // The page the user is on stays usable meanwhile.
  await expect(page.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("link-pending.png") });
  release();
  await expect(page.getByRole("heading", { level: 1, name: "Patients" })).toBeVisible();
  await expect(page.getByTestId("link-pending")).toHaveCount(0);
});
