import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures";

// The provider's morning: schedule → Prepare all → patient (screenings, evidence) → prep sheet →
// PDF → Send to Epic. Jobs run in-process against the sandbox; waits are on visible states.
test("prepare the day, review a patient, download the prep sheet and send it to Epic", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "riverside.admin@healthprep.test");
  await expect(page).toHaveURL(/\/o\/riverside\/schedule$/);
  await expect(page.getByTestId("sync-status")).toContainText("Synced from Epic", { timeout: 120_000 });
  await page.reload();
  const row = page.getByTestId("appointment-row").filter({ hasText: "Camila Lopez" });
  await expect(row).toHaveCount(1);

  await page.getByRole("button", { name: "Prepare all" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Preparing \d+ prep sheets/ })).toBeVisible({ timeout: 30_000 });
  // The table keeps polling while sheets are prepared; each row gains a link to its sheet.
  await expect(row.getByTestId("prep-sheet-link")).toBeVisible({ timeout: 180_000 });

  await row.getByTestId("patient-name").click();
  await expect(page).toHaveURL(/\/o\/riverside\/patients\/pat_[0-9A-Z]{26}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Camila Lopez" })).toBeVisible();
  const screenings = page.getByTestId("screening-row");
  await expect(screenings.first()).toBeVisible({ timeout: 30_000 });
  await expect(screenings.first().getByTestId("screening-status")).toHaveText(/Complete|Due soon|Due|Overdue|Needs review|Excluded|Not eligible/);
  const withEvidence = screenings.filter({ has: page.getByTestId("evidence-item") }).first();
  if ((await withEvidence.count()) > 0) {
    await withEvidence.locator("summary").click();
    await expect(withEvidence.getByTestId("evidence-item").first()).toBeVisible();
  }
  const patientAxe = await new AxeBuilder({ page }).analyze();
  expect(patientAxe.violations.map((v) => v.id)).toEqual([]);

  await page.getByTestId("latest-prep-sheet-link").click();
  await expect(page).toHaveURL(/\/o\/riverside\/prep-sheets\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: "Prep sheet" })).toBeVisible();
  const sheet = page.getByTestId("prep-sheet");
  for (const section of ["Patient and visit", "Screening checklist", "Recent labs", "Imaging", "Consults", "Hospital and ED visits", "Active conditions", "Pre-visit checklist", "Provider notes"]) {
    await expect(sheet.getByRole("heading", { level: 2, name: section })).toBeVisible();
  }
  await expect(sheet).toContainText("Camila Lopez");
  await expect(page.getByTestId("prep-sheet-versions").getByText(/Version \d+ \(this one\)/)).toBeVisible();
  const sheetAxe = await new AxeBuilder({ page }).analyze();
  expect(sheetAxe.violations.map((v) => v.id)).toEqual([]);

  // Download PDF: a real PDF, and no patient name in any response header.
  const href = await page.getByTestId("download-pdf").getAttribute("href");
  const pdf = await page.request.get(href!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment; filename="prep-sheet-\d{4}-\d{2}-\d{2}-v\d+\.pdf"$/);
  const headerText = JSON.stringify(pdf.headers());
  expect(headerText).not.toMatch(/Camila|Lopez/i);
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
  expect(download.suggestedFilename()).toMatch(/^prep-sheet-.*\.pdf$/);

  await expect(page.getByTestId("write-back-state")).toContainText("Not sent to Epic yet.");
  await page.getByRole("button", { name: "Send to Epic" }).click();
  await expect(page.getByTestId("write-back-state")).toContainText("Confirmed in Epic", { timeout: 60_000 });
  await expect(page.getByTestId("write-back-state")).toContainText("DocumentReference");
});
