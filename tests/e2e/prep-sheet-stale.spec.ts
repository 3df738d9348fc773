import { writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { renderPdfPageToPng } from "../../lib/documents/pdf/render-pdf-page";
import { signInWithEpic } from "./fixtures";

// Issue 18: the prep sheet a physician wants on paper (screenshots of the web sheet and PDF page 1
// are kept as artifacts), and a sheet whose evidence a clinician dismissed after it was made:
// it says it is out of date, Send to Epic asks first, and a regenerated version supersedes it.
// Elijah Davis (sandbox seed) has completed screenings backed by coded records; no other spec uses him.
const name = "Elijah Davis";

async function expectNoAxeViolations(page: Page, what: string) {
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), what).toEqual([]);
}

test("a stale prep sheet says so, asks before it is sent to Epic, and a regenerated version supersedes it", async ({ page }) => {
  test.setTimeout(480_000);
  await signInWithEpic(page);
  await page.goto("/o/riverside/schedule?who=clinic");
  await expect(page.getByTestId("sync-status")).toContainText("Synced from Epic", { timeout: 120_000 });
  await page.reload();
  const row = page.getByTestId("appointment-row").filter({ hasText: name });
  await expect(row).toHaveCount(1);
  if ((await row.getByTestId("prep-sheet-link").count()) === 0) await row.getByRole("button", { name: `Prepare prep sheet for ${name}` }).click();
  await expect(row.getByText(/^(Ready|Needs review)$/)).toBeVisible({ timeout: 300_000 });

  // The sheet: what to do today first, one compact row per screening, no internal ids on the page's face.
  await row.getByTestId("prep-sheet-link").click();
  await expect(page).toHaveURL(/\/o\/riverside\/prep-sheets\/[0-9a-f-]{36}$/);
  const firstUrl = page.url();
  const sheet = page.getByTestId("prep-sheet");
  await expect(sheet.getByTestId("sheet-summary")).toContainText(/^(Due at this visit: |Nothing due at this visit)/);
  await expect(sheet.getByTestId("sheet-screening").first()).toBeVisible();
  await expect(page.getByTestId("prep-sheet-outdated")).toHaveCount(0);
  for (const evidence of await sheet.getByTestId("sheet-screening-evidence").allInnerTexts()) expect(evidence).not.toMatch(/doc_|eSbx|Chosen in family|CMS\d|more$/);
  // Times read clinic-local with the zone (Riverside: America/New_York), never UTC.
  await expect(page.getByTestId("prep-sheet-versions")).toContainText(/\d{1,2}:\d{2} (AM|PM) E[SD]T/);
  await expect(page.getByTestId("prep-sheet-versions")).not.toContainText("UTC");
  // The new sheet, web and PDF page 1, attached to the test's results for whoever reviews them.
  const info = test.info();
  await info.attach("prep-sheet-web.png", { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  await expectNoAxeViolations(page, "prep sheet");
  const pdf = await page.request.get((await page.getByTestId("download-pdf").getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  const bytes = new Uint8Array(await pdf.body());
  await info.attach("prep-sheet.pdf", { body: Buffer.from(bytes), contentType: "application/pdf" });
  const pageOne = await renderPdfPageToPng(bytes, 1, { dpi: 110, maxPixels: 4_000_000 });
  expect(pageOne.byteLength).toBeGreaterThan(10_000);
  await info.attach("prep-sheet-pdf-page-1.png", { body: Buffer.from(pageOne), contentType: "image/png" });
  writeFileSync(info.outputPath("prep-sheet-pdf-page-1.png"), pageOne);

  // A clinician dismisses the record behind a completed screening, on the patient page.
  await page.getByRole("link", { name: "Open patient" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("screening-row").first()).toBeVisible();
  // Evidence expanded, as a reviewer reads it, so the Dismiss buttons are in view.
  await page.locator("[data-testid=screening-row] details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  const candidate = page.getByTestId("screening-row").filter({ has: page.getByTestId("screening-status").getByText("Complete", { exact: true }) }).filter({ has: page.getByRole("button", { name: "Dismiss" }) }).first();
  // Pinned by name: once asked, the item's Dismiss button gives way to the question, and a filter on it would move on.
  const screeningName = (await candidate.getByTestId("screening-name").innerText()).trim();
  const complete = page.getByTestId("screening-row").filter({ has: page.getByTestId("screening-name").getByText(screeningName, { exact: true }) });
  await complete.getByRole("button", { name: "Dismiss" }).first().click();
  const ask = complete.getByRole("group", { name: "Confirm your decision" });
  await expect(ask).toContainText("Dismiss this match?");
  await expect(ask.getByRole("button", { name: "Yes, dismiss" })).toBeEnabled();
  await ask.getByRole("button", { name: "Yes, dismiss" }).click({ noWaitAfter: true });
  await expect(complete.getByTestId("review-decision").first()).toBeVisible({ timeout: 60_000 });
  const patientUrl = page.url();

  // Version 1 now says it is out of date, and why.
  await page.goto(firstUrl);
  const banner = page.getByTestId("prep-sheet-outdated");
  await expect(banner).toContainText("This sheet is out of date.");
  await expect(banner).toContainText("A clinician recorded or undid a review decision after this sheet was made.");
  await expectNoAxeViolations(page, "out-of-date prep sheet");

  // Send to Epic asks first; Cancel writes nothing.
  await page.getByRole("button", { name: "Send to Epic…" }).click();
  const confirm = page.getByTestId("send-outdated-confirm");
  await expect(confirm).toContainText("This version is out of date.");
  await page.screenshot({ path: test.info().outputPath("stale-sheet-send-confirm.png"), fullPage: true });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId("write-back-state")).toContainText("Not sent to Epic yet.");
  // Sending it anyway is an explicit second step (audited on the server).
  await page.getByRole("button", { name: "Send to Epic…" }).click();
  await confirm.getByRole("button", { name: "Send this version anyway" }).click();
  await expect(page.getByTestId("write-back-state")).toContainText("Confirmed in Epic", { timeout: 60_000 });

  // Regenerate: version 2 is made from today's data and version 1 points to it.
  await banner.getByRole("button", { name: "Regenerate" }).click();
  await expect(banner).toContainText("A newer version of this sheet exists.", { timeout: 180_000 });
  await expect(banner).toContainText(/A newer version \(version \d+\) of this sheet exists\./);
  await expect(page.getByRole("button", { name: "Send to Epic…" })).toBeVisible();
  await banner.getByTestId("newest-version-link").click();
  await expect(page).not.toHaveURL(firstUrl);
  await expect(page.getByTestId("prep-sheet-outdated")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send to Epic", exact: true })).toBeVisible();

  // Leave the seed as it was for other specs: undo the dismissal.
  await page.goto(patientUrl);
  await page.locator("[data-testid=screening-row] details").evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await page.getByTestId("review-decision").first().getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("review-decision")).toHaveCount(0, { timeout: 60_000 });
});
