import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signIn, signInAfresh } from "./fixtures";

test("anonymous visitors are sent to sign-in, with security headers", async ({ page }) => {
  const response = await page.goto("/o/riverside/schedule");
  expect(new URL(page.url()).pathname).toBe("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'self' https://*.epic.com");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("riverside.admin@healthprep.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.locator("#sign-in-error")).toHaveText("Wrong email or password.");
});

test("the clinic admin signs in and sees the dashboard shell", async ({ page }) => {
  await signInAfresh(page, "riverside.admin@healthprep.test");
  await expect(page).toHaveURL(/\/o\/riverside\/schedule$/);
  await expect(page.getByRole("heading", { level: 1, name: "Schedule" })).toBeVisible();
  await expect(page.getByText("Riverside Family Medicine (America/New_York)")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const item of ["Schedule", "Patients", "Screenings", "Settings"]) {
    await expect(nav.getByRole("link", { name: item })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  await nav.getByRole("link", { name: "Settings" }).click();
  await expect(page.getByTestId("member-row").filter({ hasText: "riverside.admin@healthprep.test" })).toHaveCount(1);
  await expect(page.getByTestId("member-row").filter({ hasText: "riverside.staff@healthprep.test" })).toHaveCount(1);
  await expect(page.getByTestId("member-row").filter({ hasText: "lakeside.admin@healthprep.test" })).toHaveCount(0);
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});

test("a member of one clinic is denied every row of the other", async ({ page }) => {
  await signIn(page, "riverside.admin@healthprep.test");
  const api = page.request;
  const own = await api.get("/api/orgs/riverside/members");
  expect(own.status()).toBe(200);
  const other = await api.get("/api/orgs/lakeside/members");
  expect(other.status()).toBe(403);
  expect(await other.json()).toEqual({ error: { code: "forbidden", message: "You do not have permission to do that." } });

  // A Lakeside membership id, addressed through Riverside, is not found: queries are org-scoped.
  await signInOther(page);
  const lakesideMembers = (await (await page.request.get("/api/orgs/lakeside/members")).json()).members as Array<{ membershipId: string }>;
  await signIn(page, "riverside.admin@healthprep.test");
  const crossPatch = await page.request.patch(`/api/orgs/riverside/members/${lakesideMembers[0]!.membershipId}`, {
    data: { role: "staff" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(crossPatch.status()).toBe(404);
  const page404 = await page.goto("/o/lakeside/schedule");
  expect(page404!.status()).toBe(404);
});

test("state-changing API calls need our Origin and valid input", async ({ page }) => {
  await signIn(page, "riverside.admin@healthprep.test");
  const members = (await (await page.request.get("/api/orgs/riverside/members")).json()).members as Array<{ membershipId: string; email: string }>;
  const staff = members.find((m) => m.email === "riverside.staff@healthprep.test")!;
  const noOrigin = await page.request.patch(`/api/orgs/riverside/members/${staff.membershipId}`, { data: { role: "provider" } });
  expect(noOrigin.status()).toBe(403);
  const bad = await page.request.patch(`/api/orgs/riverside/members/${staff.membershipId}`, {
    data: { role: "superuser" },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toBe("Role must be one of the choices offered.");
});

test("the platform admin opens the console and creates a clinic", async ({ page }) => {
  await signIn(page, "admin@healthprep.test");
  await page.goto("/admin/audit-log");
  const createdBefore = await page.getByTestId("audit-row").filter({ hasText: "organization.created" }).count();
  await page.goto("/admin/organizations");
  // Other specs may have created clinics in this e2e database: count from what is there.
  await expect(page.getByTestId("organization-row").filter({ hasText: "Riverside Family Medicine" })).toHaveCount(1);
  const before = await page.getByTestId("organization-row").count();
  await page.getByLabel("Clinic name").fill("Hillcrest Internal Medicine");
  await page.getByLabel("Address").fill("hillcrest");
  await page.getByLabel("Time zone").fill("America/Denver");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByText("Created /o/hillcrest")).toBeVisible();
  await expect(page.getByTestId("organization-row")).toHaveCount(before + 1);
  await page.getByLabel("Clinic name").fill("Hillcrest Again");
  await page.getByLabel("Address").fill("hillcrest");
  await page.getByRole("button", { name: "Create clinic" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already used" })).toHaveText(
    'The address "hillcrest" is already used by another clinic.',
  );
  await page.goto("/admin/audit-log");
  await expect(page.getByTestId("audit-row").filter({ hasText: "organization.created" })).toHaveCount(createdBefore + 1);
});

async function signInOther(page: Page) {
  await page.context().clearCookies();
  await signIn(page, "lakeside.admin@healthprep.test");
}

test("opening the schedule syncs the day from Epic and lists the patients", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "riverside.admin@healthprep.test");
  await expect(page).toHaveURL(/\/o\/riverside\/schedule$/);
  // The sync runs in the background; the table fills in without a reload.
  await expect(page.getByTestId("appointment-row").first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId("sync-status")).toContainText("Synced from Epic", { timeout: 90_000 });
  await page.reload();
  const names = page.getByTestId("patient-name");
  await expect(names.first()).toBeVisible();
  // Every seeded sandbox patient has an appointment today; names come live from Epic.
  expect(await page.getByTestId("appointment-row").count()).toBe(10);
  await expect(names.filter({ hasText: "Camila Lopez" })).toHaveCount(1);
  await expect(page.getByTestId("document-progress").first()).toBeVisible();
});
