import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// Issue 18's workflow pages, each checked in Chromium with axe: the Patients list, a document that
// failed to read, opening the evidence document with dismiss → undo, and the schedule at 768 px.
// Patients come from the sandbox's default seed (Epic's own test patients' names).

async function expectNoAxeViolations(page: Page, what: string) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), what).toEqual([]);
}

/** The clinic's day, synced from Epic (opening the schedule pulls it). */
async function openSyncedSchedule(page: Page) {
  await page.goto("/o/riverside/schedule?who=clinic");
  await expect(page.getByTestId("sync-status")).toContainText("Synced from Epic", { timeout: 120_000 });
  await page.reload();
}

/** Prepares one row unless it already has a sheet, and waits until it has one. */
async function prepareRow(page: Page, row: Locator, name: string) {
  if ((await row.getByTestId("prep-sheet-link").count()) === 0) {
    await row.getByRole("button", { name: `Prepare prep sheet for ${name}` }).click();
  }
  await expect(row.getByRole("link", { name: `Open prep sheet for ${name}` })).toBeVisible({ timeout: 300_000 });
  await expect(row.getByText(/^(Ready|Needs review|Failed)$/)).toBeVisible({ timeout: 300_000 });
}

test("Patients lists the clinic's linked patients with next visit and open screenings; search by name", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "riverside.admin@healthprep.test");
  await openSyncedSchedule(page);
  const onSchedule = await page.getByTestId("appointment-row").count();
  expect(onSchedule).toBeGreaterThan(0);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Patients" }).click();
  await expect(page).toHaveURL(/\/o\/riverside\/patients$/, { timeout: 60_000 });
  const rows = page.getByTestId("patient-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(Math.min(onSchedule, 25));
  await expect(page.getByText("No patients yet")).toHaveCount(0);
  // Names from Epic, today's visit in the clinic's time with its zone.
  await expect(rows.getByTestId("patient-name").filter({ hasText: "Name unavailable" })).toHaveCount(0);
  await expect(rows.first().getByTestId("next-visit")).toHaveText(/\d{1,2}:\d{2} (AM|PM) E[SD]T$/);
  await expect(rows.first().getByTestId("open-gaps")).toHaveText(/\d+ due|\d+ to review|None open/);
  await page.screenshot({ path: test.info().outputPath("patients.png"), fullPage: true });
  await expectNoAxeViolations(page, "patients");

  await page.getByRole("searchbox", { name: "Search by name or birth date" }).fill("powell");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/patients\?q=powell$/);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId("patient-name")).toHaveText("Desiree Powell");
  await expect(page.getByTestId("patients-count")).toHaveText("1–1 of 1 patient matching “powell”");
  await rows.getByTestId("patient-name").click();
  await expect(page.getByRole("heading", { level: 1, name: "Desiree Powell" })).toBeVisible();

  await page.goto("/o/riverside/patients?q=nobody-by-this-name");
  await expect(page.getByRole("heading", { name: "No patient matches “nobody-by-this-name”" })).toBeVisible();
});

test("a document that failed to read shows failed, says why in plain words, offers Try again, and the sheet warns", async ({ page }) => {
  test.setTimeout(480_000);
  await signIn(page, "riverside.admin@healthprep.test");
  await openSyncedSchedule(page);
  // Jason Argonaut's outside lab PDF is damaged (sandbox seed): it can never be read.
  const name = "Jason Argonaut";
  const row = page.getByTestId("appointment-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  await prepareRow(page, row, name);
  const bar = row.getByRole("progressbar", { name: "Documents read" });
  await expect(bar).toHaveAttribute("data-state", "failed", { timeout: 240_000 });
  await expect(bar).toHaveAttribute("aria-valuetext", /^\d+ of \d+ read, 1 failed$/);
  await expect(row.getByTestId("documents-failed-bar")).toBeVisible();
  await expect(row.getByTestId("document-progress")).toContainText("1 failed");
  const failure = row.getByTestId("document-failure");
  await expect(failure).toContainText("could not be read: The file is damaged and cannot be opened.");
  await expect(failure).not.toContainText(/corrupt|_/);

  // Try again reads it again; a damaged file ends failed again, with the same reason.
  // The row re-renders from the refreshed day at once (the button goes with the failure), so the
  // server action's answer is what shows the document was queued again.
  const [retried] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/o/riverside/schedule")),
    failure.getByRole("button", { name: `Try again: read ${name}'s failed documents` }).click(),
  ]);
  expect(retried.ok()).toBe(true);
  await expect(bar).toHaveAttribute("data-state", "failed", { timeout: 120_000 });
  await page.screenshot({ path: test.info().outputPath("schedule-failed-document.png"), fullPage: true });
  await expectNoAxeViolations(page, "schedule with a failed document");

  // The sheet is built without it and says so.
  await row.getByTestId("prep-sheet-link").click();
  await expect(page.getByRole("heading", { level: 1, name: "Prep sheet" })).toBeVisible();
  const warning = page.getByTestId("failed-documents-warning");
  await expect(warning).toContainText("could not be read, so this sheet leaves out whatever it says: The file is damaged and cannot be opened.");
  await expect(warning.getByRole("button", { name: "Try again: read the failed documents" })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("prep-sheet-failed-document.png"), fullPage: true });

  // The patient page says the same, in the documents table.
  await warning.getByRole("link", { name: "See the documents" }).click();
  await expect(page.getByTestId("document-failure-reason")).toHaveText("The file is damaged and cannot be opened.");
});

test("the evidence document opens from the evidence; dismiss asks first, shows who and when, and undoes", async ({ page }) => {
  test.setTimeout(480_000);
  await signIn(page, "riverside.admin@healthprep.test");
  await openSyncedSchedule(page);
  // Warren McGinnis: a colonoscopy report PDF (text layer) and a scanned pathology image (sandbox seed).
  const name = "Warren McGinnis";
  const row = page.getByTestId("appointment-row").filter({ hasText: name });
  await prepareRow(page, row, name);
  await expect(row.getByRole("progressbar", { name: "Documents read" })).toHaveAttribute("data-state", "read", { timeout: 240_000 });
  await row.getByTestId("patient-name").click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();

  // Screenings most urgent first, as on the sheet.
  const order = { Overdue: 0, Due: 1, "Due soon": 2, "Needs review": 3, Complete: 4, Excluded: 5, "Not eligible": 6 } as Record<string, number>;
  const statuses = (await page.getByTestId("screening-row").getByTestId("screening-status").allInnerTexts()).map((s) => order[s.trim()] ?? 99);
  expect(statuses).toEqual([...statuses].sort((a, b) => a - b));

  const withDocument = page.getByTestId("screening-row").filter({ has: page.getByTestId("open-evidence-document") }).first();
  await withDocument.locator("summary").click();
  const item = withDocument.getByTestId("evidence-item").filter({ has: page.getByTestId("open-evidence-document") }).first();
  const patientUrl = page.url();
  await item.getByTestId("open-evidence-document").click();
  await expect(page).toHaveURL(/\/o\/riverside\/documents\/doc_[0-9A-Z]{26}$/);
  await expect(page.getByTestId("document-text")).toContainText(/\w{3,}/);
  const image = page.getByTestId("document-page-image").first();
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 60_000 }).toBeGreaterThan(100);
  await page.screenshot({ path: test.info().outputPath("evidence-document.png"), fullPage: true });
  await expectNoAxeViolations(page, "evidence document");

  await page.goto(patientUrl);
  const screening = page.getByTestId("screening-row").filter({ has: page.getByTestId("open-evidence-document") }).first();
  await screening.locator("summary").click();
  // Pinned by position: once asked, the item's buttons change, so a filter on them would move on.
  const items = screening.getByTestId("evidence-item");
  let index = 0;
  while ((await items.nth(index).getByRole("button", { name: "Dismiss", exact: true }).count()) === 0) index += 1;
  const evidence = items.nth(index);
  await evidence.getByRole("button", { name: "Dismiss", exact: true }).click();
  // Asked once more; Cancel leaves everything as it was.
  const ask = evidence.getByRole("group", { name: "Confirm your decision" });
  await expect(ask).toContainText("Dismiss this match?");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByTestId("review-decision")).toHaveCount(0);
  await evidence.getByRole("button", { name: "Dismiss", exact: true }).click();
  await ask.getByRole("button", { name: "Yes, dismiss" }).click();

  const decided = page.getByTestId("review-decision").filter({ hasText: "Dismissed by Rita Rivers" }).first();
  await expect(decided).toBeVisible({ timeout: 60_000 });
  await expect(decided).toContainText(/by Rita Rivers · [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} (AM|PM) E[SD]T/);
  await page.screenshot({ path: test.info().outputPath("evidence-dismissed.png"), fullPage: true });
  await expectNoAxeViolations(page, "patient page after dismiss");

  await decided.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("review-decision")).toHaveCount(0, { timeout: 60_000 });
  const reopened = page.getByTestId("screening-row").filter({ has: page.getByTestId("open-evidence-document") }).first();
  if (!(await reopened.locator("details").evaluate((d: HTMLDetailsElement) => d.open))) await reopened.locator("summary").click();
  await expect(reopened.getByTestId("evidence-item").nth(index).getByRole("button", { name: "Dismiss", exact: true })).toBeVisible();
});

test("at 768 px the navigation collapses to a menu and the schedule's row actions stay in view", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "riverside.admin@healthprep.test");
  await page.setViewportSize({ width: 768, height: 1024 });
  await openSyncedSchedule(page);
  const rows = page.getByTestId("appointment-row");
  await expect(rows.first()).toBeVisible();

  // The rail: labels are not shown until the menu opens, and the links still have their names.
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  const nav = page.getByRole("navigation", { name: "Main" });
  const navBox = await nav.boundingBox();
  expect(navBox!.width).toBeLessThan(80);

  // Every row's first action is fully inside the window; the page does not scroll sideways.
  for (const row of (await rows.all()).slice(0, 5)) {
    const action = row.getByRole("button", { name: /^(Prepare|Regenerate) prep sheet for / });
    await expect(action).toBeVisible();
    const box = (await action.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, "row action inside the 768 px window").toBeLessThanOrEqual(768);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(1);
  await expect(page.getByRole("button", { name: "Prepare all" })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath("schedule-768.png"), fullPage: true });
  await expectNoAxeViolations(page, "schedule at 768 px");

  await menu.click();
  await expect(page.getByRole("button", { name: "Close menu" })).toHaveAttribute("aria-expanded", "true");
  await expect(nav.getByRole("link", { name: "Patients" })).toBeInViewport();
  expect((await nav.boundingBox())!.width).toBeGreaterThan(180);
  await page.screenshot({ path: test.info().outputPath("menu-open-768.png") });
  await expectNoAxeViolations(page, "menu open at 768 px");
  await nav.getByRole("link", { name: "Patients" }).click();
  await expect(page).toHaveURL(/\/o\/riverside\/patients$/);
  await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
});
