import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signInWithEpic } from "./fixtures";

// A provider (the sandbox's FHIR clinician, linked to their Epic practitioner) on the schedule:
// their own patients by default, the clinic's on request; one row regenerated and sent to Epic
// from the row; then the whole day prepared, with the status ending when the rows do.
test("schedule: my patients or the clinic's, regenerate a row, send it to Epic, prepare all", async ({ page }) => {
  test.setTimeout(600_000);
  await signInWithEpic(page);
  await expect(page).toHaveURL(/\/o\/riverside\/schedule$/);
  const toggle = page.getByRole("navigation", { name: "Whose appointments" });
  await expect(toggle.getByRole("link", { name: "My patients" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("sync-status")).toContainText("Synced from Epic", { timeout: 120_000 });
  await page.reload();

  const rows = page.getByTestId("appointment-row");
  await expect(rows.first()).toBeVisible();
  const mine = await rows.count();
  await toggle.getByRole("link", { name: "Whole clinic" }).click();
  await expect(page).toHaveURL(/who=clinic$/);
  await expect(toggle.getByRole("link", { name: "Whole clinic" })).toHaveAttribute("aria-current", "page");
  await expect.poll(() => rows.count()).toBeGreaterThan(mine);
  // The date picker keeps the choice.
  await page.getByRole("button", { name: "Go", exact: true }).click();
  await expect(page).toHaveURL(/who=clinic$/);

  // A day without visits: "me" says so and links to the clinic's view.
  await page.goto("/o/riverside/schedule?date=2020-01-06&who=me");
  await expect(page.getByRole("heading", { name: /No appointments for you on/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("link", { name: "Show the whole clinic's schedule" })).toHaveAttribute("href", /who=clinic/);

  await page.goto("/o/riverside/schedule?who=me");
  await expect(rows).toHaveCount(mine);

  // Regenerate one row, from the keyboard: only that row prepares, and it ends with a sheet.
  const row = rows.first();
  const name = (await row.getByTestId("patient-name").innerText()).trim();
  expect(name).not.toBe("Name unavailable");
  // A row without a sheet offers "Prepare", one with a sheet "Regenerate" (the same job).
  const hadSheet = (await row.getByTestId("prep-sheet-link").count()) > 0;
  const regenerate = row.getByRole("button", { name: `${hadSheet ? "Regenerate" : "Prepare"} prep sheet for ${name}` });
  await expect(regenerate).toBeVisible();
  // Other specs may already have prepared some rows in this e2e database: compare with what is there.
  const others = rows.filter({ hasNot: page.getByTestId("patient-name").filter({ hasText: name }) });
  const statusesOfOthers = async () => (await others.allInnerTexts()).map((t) => /Not started|Preparing|Ready|Needs review|Failed/.exec(t)?.[0] ?? "");
  const othersBefore = await statusesOfOthers();
  expect(othersBefore).toHaveLength(mine - 1);
  expect(othersBefore).not.toContain("Preparing");
  await regenerate.focus();
  await page.keyboard.press("Enter");
  await expect(row.getByText("Preparing", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText(/^(Ready|Needs review)$/)).toBeVisible({ timeout: 300_000 });
  await expect(row.getByRole("link", { name: `Open prep sheet for ${name}` })).toBeVisible();
  await expect(row.getByRole("button", { name: `Regenerate prep sheet for ${name}` })).toBeVisible();
  expect(await statusesOfOthers()).toEqual(othersBefore);

  // Send to Epic from the row; a second send is refused by the ledger as unchanged.
  const send = row.getByRole("button", { name: `Send to Epic: prep sheet for ${name}` });
  await send.click();
  await expect(row.getByTestId("row-write-back")).toHaveText(/^(Sent to Epic|Sent; Epic is confirming)$/, { timeout: 60_000 });
  await send.click();
  await expect(row.getByTestId("row-write-back")).toHaveText(/^(Already in Epic|Earlier send still confirming)$/, { timeout: 60_000 });

  // Prepare all (the rows in view): "Preparing N…" while they prepare, then it says they are done.
  await page.getByRole("button", { name: "Prepare all" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Preparing ${mine} prep sheets` })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("prepare-all-status")).toHaveText(new RegExp(`^${mine} prep sheets? ready$`), { timeout: 300_000 });
  await expect(rows.filter({ has: page.getByText(/^(Not started|Preparing)$/) })).toHaveCount(0);

  await page.screenshot({ path: test.info().outputPath("schedule-actions.png"), fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
});
