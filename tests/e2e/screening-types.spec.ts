import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// A clinic admin configures screenings: list, edit (a refused save, then a good one), deactivate and
// reactivate, restore the type from the preset, export and re-import. Every change is undone by the
// end, so specs that run later see the seeded preset.
const lipid = { key: "lipid-panel", name: "Lipid screening (statin assessment)" };

async function expectNoSevereAxeViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).analyze();
  const severe = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a clinic admin edits, deactivates, restores from the preset and exports screening types", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "riverside.admin@healthprep.test");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Screenings" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Screenings" })).toBeVisible();
  const rows = page.getByTestId("screening-type-row");
  await expect(rows.filter({ hasText: "colorectal-colonoscopy" })).toHaveCount(1);
  expect(await rows.count()).toBeGreaterThanOrEqual(20);
  const lipidRow = rows.filter({ hasText: lipid.key });
  await expect(lipidRow).toContainText("Any sex, 40–75");
  await expect(lipidRow).toContainText("every 5 years");
  await expect(lipidRow).toContainText("Active");
  await expect(lipidRow).toContainText("uspstf-adult-primary-care v2");
  await page.screenshot({ path: test.info().outputPath("screenings.png"), fullPage: true });
  await expectNoSevereAxeViolations(page);

  // Edit: the server refuses crossed ages beside the field, then saves a per-type due-soon window.
  await lipidRow.getByRole("link", { name: lipid.name }).click();
  await expect(page.getByRole("heading", { level: 1, name: lipid.name })).toBeVisible();
  const keywords = await page.getByLabel("Keywords").inputValue();
  await page.screenshot({ path: test.info().outputPath("screening-editor.png"), fullPage: true });
  await expectNoSevereAxeViolations(page);
  // Every problem at once, each in plain words beside its field (no zod text, no internal field names).
  await page.getByLabel("Name").fill("x");
  await page.getByLabel("Minimum age").fill("80");
  await page.getByLabel("Keywords").fill("lipid panel\nCT");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator("#maxAge-error")).toHaveText("must not be below the minimum age");
  await expect(page.locator("#name-error")).toHaveText("must be at least 2 characters");
  await expect(page.locator("#keywords-error")).toHaveText("must have at least 3 letters or digits, and not only digits (keyword 2)");
  await expect(page.getByLabel("Maximum age")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "Fix the 3 problems shown under their fields." })).toBeVisible();
  await expect(page.getByRole("form", { name: "Edit screening type" })).not.toContainText(/minAge|maxAge|Too small|Too big|Invalid input|expected /);
  await page.screenshot({ path: test.info().outputPath("screening-editor-refused.png"), fullPage: true });
  await expectNoSevereAxeViolations(page);
  // The fields keep what was typed.
  await expect(page.getByLabel("Keywords")).toHaveValue("lipid panel\nCT");
  await page.getByLabel("Name").fill(lipid.name);
  await page.getByLabel("Keywords").fill(keywords);
  await page.getByLabel("Minimum age").fill("40");
  await page.getByLabel("Due soon (days before due)").fill("45");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved as version 2." })).toBeVisible();
  await expect(page.locator("#maxAge-error")).toHaveCount(0);

  // Deactivate and reactivate.
  await page.getByRole("button", { name: `Deactivate ${lipid.name}` }).click();
  await expect(page.getByRole("button", { name: `Activate ${lipid.name}` })).toBeVisible();
  await page.getByRole("link", { name: "Back to screenings" }).click();
  await page.getByRole("link", { name: /^Inactive \(1\)$/ }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText(lipid.key);
  await expect(rows).toContainText("due soon 45 d");
  await rows.getByRole("button", { name: `Activate ${lipid.name}` }).click();
  await expect(page.getByText("No inactive screening types.")).toBeVisible();
  await page.getByRole("link", { name: /^All \(\d+\)$/ }).click();

  // The preset shows our edit as a difference; replacing it restores the preset's definition.
  await expect(page.getByLabel("Preset", { exact: true })).toHaveValue("uspstf-adult-primary-care");
  await page.getByRole("button", { name: "Preview changes" }).click();
  const previewRow = page.getByTestId("preview-row").filter({ hasText: lipid.key });
  await expect(previewRow).toContainText("Differs from yours");
  await expect(page.getByTestId("preview-summary")).toContainText("0 to add · 0 to update · 1 kept as yours");
  await page.getByLabel(`Choice for ${lipid.name}`).selectOption("overwrite");
  await expect(page.getByTestId("preview-summary")).toContainText("0 to add · 1 to update · 0 kept as yours");
  await page.getByRole("button", { name: "Apply preset" }).click();
  await expect(page.getByRole("status")).toContainText("Preset applied: 0 added, 1 updated, 0 kept as yours");
  await expect(rows.filter({ hasText: lipid.key })).not.toContainText("due soon 45 d");

  // Export JSON downloads the clinic's types; importing the same file changes nothing.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export JSON" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("riverside-screening-types.json");
  const path = await download.path();
  const file = JSON.parse(await readFile(path, "utf8")) as { format: string; types: Array<{ active: boolean; definition: { key: string } }> };
  expect(file.format).toBe("healthprep.screening-types");
  expect(file.types.find((t) => t.definition.key === lipid.key)).toMatchObject({ active: true });
  await page.getByLabel("Screening types JSON file").setInputFiles(path);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByTestId("preview-summary")).toContainText(`0 to add · 0 to update · 0 kept as yours · ${file.types.length} unchanged`);
  await page.getByRole("button", { name: "Import types" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Import applied" })).toContainText("0 added, 0 updated");
  await page.getByLabel("Screening types JSON file").setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{ not json") });
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The file is not valid JSON." })).toBeVisible();
});

test("staff see the screening types read-only", async ({ page }) => {
  await signIn(page, "riverside.staff@healthprep.test");
  await page.goto("/o/riverside/screenings");
  await expect(page.getByRole("heading", { level: 1, name: "Screenings" })).toBeVisible();
  await expect(page.getByTestId("read-only-note")).toBeVisible();
  await expect(page.getByTestId("screening-type-row").filter({ hasText: lipid.key })).toHaveCount(1);
  await expect(page.getByRole("link", { name: "New screening type" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^(Deactivate|Activate) / })).toHaveCount(0);
  await expect(page.getByLabel("Preset", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Export JSON" })).toBeVisible();
  await expectNoSevereAxeViolations(page);

  await page.getByRole("link", { name: lipid.name }).click();
  await expect(page.getByLabel("Name", { exact: true })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save changes" })).toHaveCount(0);
  expect((await page.goto("/o/riverside/screenings/new"))!.status()).toBe(404);
});
