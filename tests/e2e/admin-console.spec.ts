import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./fixtures";

// The platform admin's journey through the multi-clinic console (issue #9): create a clinic,
// configure its Epic app, apply a screening preset, find those events in the audit log and export
// them, suspend and reactivate the clinic, and see job runs.
const fhirBaseUrl = `http://127.0.0.1:${process.env.EPIC_SANDBOX_PORT ?? 4510}/api/FHIR/R4`;

async function check(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`admin-${name}.png`), fullPage: true });
  const axe = await new AxeBuilder({ page }).analyze();
  const severe = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), name).toEqual([]);
}

async function auditRowsFor(page: Page, filters: { clinic: string; action: string }) {
  await page.goto("/admin/audit-log");
  const form = page.getByRole("form", { name: "Filter the audit log" });
  await form.getByLabel("Clinic").selectOption({ label: filters.clinic });
  await form.getByLabel("Actor (email or user id)").fill("admin@healthprep.test");
  await form.getByLabel("Action").selectOption(filters.action);
  const today = new Date().toISOString().slice(0, 10);
  await form.getByLabel("From (UTC)").fill(today);
  await form.getByLabel("To (UTC)").fill(today);
  await form.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`action=${filters.action.replace(".", "\\.")}`));
  return page.getByTestId("audit-row");
}

test("a platform admin runs a clinic from the console", async ({ page, browser }) => {
  test.setTimeout(300_000);
  const suffix = Date.now().toString(36);
  const clinic = `Harbor Clinic ${suffix}`;
  const slug = `harbor-${suffix}`;

  // A clinic member opening the schedule starts a sync job, so the jobs page has runs to show.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, "riverside.admin@healthprep.test");
  await member.goto("/o/riverside/schedule");
  await memberContext.close();

  await signIn(page, "admin@healthprep.test");
  await page.goto("/admin/organizations");
  await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Audit log" })).toBeVisible();
  // A refused clinic: every problem at once in plain words, each field marked, nothing typed lost.
  await page.getByLabel("Clinic name").fill("H");
  await page.getByLabel("Address").fill("Harbor Clinic");
  await page.getByLabel("Time zone").fill("Mars/Olympus");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Name must" })).toHaveText(
    "Name must be at least 2 characters. Clinic address must use only lowercase letters, digits and single hyphens. Time zone must be an IANA time zone such as America/New_York.",
  );
  await expect(page.locator("#org-slug-error")).toHaveText("must use only lowercase letters, digits and single hyphens");
  await expect(page.getByLabel("Address")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Address")).toHaveValue("Harbor Clinic");
  await check(page, "organizations-refused");
  await page.getByLabel("Clinic name").fill(clinic);
  await page.getByLabel("Address").fill(slug);
  await page.getByLabel("Time zone").fill("America/Denver");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created /o/${slug}` })).toBeVisible();
  await check(page, "organizations");

  await page.getByRole("link", { name: "Open clinic" }).click();
  await expect(page.getByRole("heading", { level: 1, name: clinic })).toBeVisible();
  await expect(page.getByText("not configured")).toBeVisible();
  await check(page, "clinic-detail");
  const clinicUrl = page.url();

  // Epic: platform admins may configure a clinic's Epic app without being a member.
  await page.getByRole("link", { name: `Configure Epic for ${clinic}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Epic connection" })).toBeVisible();
  await page.getByLabel("FHIR base URL (iss)").fill(fhirBaseUrl);
  await page.getByLabel("Client ID", { exact: true }).fill("healthprep-confidential");
  await page.getByLabel("Client secret").fill("healthprep-sandbox-secret");
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByText("Saved", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("connection-checks")).toContainText("✓ SMART discovery");

  // Screening preset (contract: "Preset" control → Preview changes → Apply preset → status).
  await page.goto(`/o/${slug}/screenings`);
  const preset = page.getByLabel("Preset", { exact: true });
  await expect(preset).toBeVisible();
  if ((await preset.evaluate((el) => el.tagName)) === "SELECT") {
    const values = await preset.locator("option").evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    await preset.selectOption(values[0]!);
  }
  await page.getByRole("button", { name: "Preview changes" }).click();
  await page.getByRole("button", { name: "Apply preset" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Preset applied" })).toBeVisible();

  // The audit log finds each event with the filters.
  for (const action of ["organization.created", "ehr.connection_configured", "screening_types.applied"]) {
    const rows = await auditRowsFor(page, { clinic, action });
    await expect(rows, action).toHaveCount(1);
    await expect(rows.first()).toContainText(action);
    // The actor is a person (name, email). The platform admin belongs to no clinic, so the time is the
    // row's clinic's own (America/Denver) with its zone.
    await expect(rows.first().getByTestId("audit-actor")).toContainText("admin@healthprep.test");
    await expect(rows.first().getByTestId("audit-actor")).not.toContainText(/usr_|^[0-9a-f-]{36}$/);
    await expect(rows.first().locator("td").first()).toHaveText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} (AM|PM) M[SD]T$/);
  }
  await check(page, "audit-log");

  // CSV export of the current filters (screening_types.applied at this clinic).
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^healthprep-audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("id,occurred_at,action,actor_user_id,organization_id,target_type,target_ids,metadata,ip");
  expect(lines.slice(1)).toHaveLength(1);
  expect(lines[1]).toContain(",screening_types.applied,");
  // The export is itself audited (platform-wide, so without a clinic).
  await page.goto("/admin/audit-log?action=audit_log.exported&actor=admin%40healthprep.test");
  await expect(page.getByTestId("audit-row").first()).toContainText("audit_log.exported");
  // Of no clinic, and read by someone of no clinic: UTC, labelled.
  await expect(page.getByTestId("audit-row").first().locator("td").first()).toHaveText(/\d{1,2}:\d{2} (AM|PM) UTC$/);

  // Suspend, then reactivate.
  await page.goto(clinicUrl);
  await page.getByRole("button", { name: "Suspend clinic" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Clinic suspended" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Reactivate clinic" })).toBeVisible();
  await page.getByRole("button", { name: "Reactivate clinic" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Clinic reactivated" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Suspend clinic" })).toBeVisible();
  for (const action of ["organization.suspended", "organization.reactivated"]) {
    await expect(await auditRowsFor(page, { clinic, action }), action).toHaveCount(1);
  }

  await page.goto("/admin/members");
  await page.getByLabel("Search by name or email").fill("riverside");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByTestId("member-row").first()).toContainText("Riverside Family Medicine");
  await check(page, "members");

  await page.goto("/admin/jobs");
  await expect(page.getByTestId("job-run-row").first()).toBeVisible();
  await expect(page.getByTestId("job-run-row").filter({ hasText: "sync-schedule" }).first()).toBeVisible();
  await check(page, "jobs");

  await page.goto("/admin/reports");
  await expect(page.getByTestId("clinic-report").filter({ hasText: clinic })).toBeVisible();
  await check(page, "reports");
});

test("clinic members cannot open the console", async ({ page }) => {
  await signIn(page, "riverside.admin@healthprep.test");
  for (const path of ["/admin/organizations", "/admin/members", "/admin/jobs", "/admin/audit-log"]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
  }
  const csv = await page.request.get("/api/admin/audit-log/export");
  expect(csv.status()).toBe(403);
});
