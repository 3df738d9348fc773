import { actAs } from "./fixtures/mock-signed-in-session";
import { readdirSync } from "node:fs";
import path from "node:path";
import { isValidElement, type ReactElement } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count } from "drizzle-orm";
import { auditEvents } from "@/db/schema";
import { openSeededDemo, type SeededDemo } from "./fixtures/open-seeded-demo";
import { seedTenantRows, type TenantRows } from "./security-tenant-rows";

/**
 * Every clinic page whose URL carries a row id, found on disk, opened as Riverside's admin with
 * Lakeside's real ids: each must end in notFound/forbidden before rendering anything, and write no
 * audit event (a PHI read is audited, so none may happen). The same page with Riverside's own ids
 * renders, so the harness is not vacuous.
 */
const root = path.resolve(import.meta.dirname, "../..");
const clinicPagesDir = "app/o/[orgSlug]";
const idSegment = /\[(?:\.\.\.)?([A-Za-z]+)\]/g;

function listIdPages(): string[] {
  return readdirSync(path.join(root, clinicPagesDir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /^page\.(tsx|ts|jsx|js)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => idParams(f).length > 0)
    .sort();
}
const idParams = (file: string) => [...file.matchAll(idSegment)].map((m) => m[1]!).filter((n) => n !== "orgSlug");

/**
 * Param kinds with no real row here, each with the reason; they get a well-formed made-up id, which
 * proves less (the row exists nowhere). Keep this empty: add the kind to seedTenantRows instead.
 */
const fabricatedParams: Record<string, string> = {};

let handle: SeededDemo["handle"];
let lakeside: TenantRows;
let riverside: TenantRows;

beforeAll(async () => {
  let userIds: SeededDemo["userIds"];
  ({ handle, userIds } = await openSeededDemo("page-isolation-password-1", { totpSecret: null }));
  lakeside = await seedTenantRows(handle.db, "lakeside");
  riverside = await seedTenantRows(handle.db, "riverside");
  actAs({ userId: userIds["riverside.admin@healthprep.test"]!, name: "Rita Rivers", email: "riverside.admin@healthprep.test" });
}, 180_000);
afterAll(async () => handle?.close());

function paramsFor(file: string, orgSlug: string, rows: TenantRows): Record<string, string> {
  const params: Record<string, string> = { orgSlug };
  for (const name of idParams(file)) {
    if (name in rows) params[name] = rows[name as keyof TenantRows];
    else if (name in fabricatedParams) params[name] = `${name.replace(/Id$/, "").toLowerCase()}_0000000000AAAAAAAAAAAAAAAA`;
    else throw new Error(`${file}: no real Lakeside row for [${name}]; add it to seedTenantRows (tests/integration/security-tenant-rows.ts)`);
  }
  return params;
}

type PageComponent = (props: { params: Promise<Record<string, string>>; searchParams: Promise<Record<string, string>> }) => unknown;
async function loadPage(file: string): Promise<PageComponent> {
  const mod = (await import(/* @vite-ignore */ path.join(root, file))) as { default?: unknown };
  if (typeof mod.default !== "function") throw new Error(`${file} has no default export`);
  return mod.default as PageComponent;
}

/** Calls the page and every async server component in what it returns (client components are left alone). */
async function render(file: string, params: Record<string, string>): Promise<void> {
  const page = await loadPage(file);
  await renderTree(await page({ params: Promise.resolve(params), searchParams: Promise.resolve({}) }));
}
async function renderTree(node: unknown): Promise<void> {
  const value = await node;
  if (Array.isArray(value)) {
    for (const child of value) await renderTree(child);
    return;
  }
  if (!isValidElement(value)) return;
  const { type, props } = value as ReactElement<Record<string, unknown>>;
  if (typeof type === "function" && type.constructor.name === "AsyncFunction") {
    await renderTree((type as (p: unknown) => Promise<unknown>)(props));
    return;
  }
  for (const prop of Object.values(props)) await renderTree(prop);
}

const digestOf = (error: unknown) => (error && typeof error === "object" && "digest" in error ? String(error.digest) : `not a Next.js fallback: ${String(error)}`);
const auditCount = async () => (await handle.db.select({ n: count() }).from(auditEvents))[0]!.n;

describe("clinic pages that load a row by id", () => {
  it("finds the id pages on disk (patients, prep sheets, and whatever is added later)", () => {
    const pages = listIdPages();
    expect(pages).toEqual(expect.arrayContaining(["app/o/[orgSlug]/patients/[patientId]/page.tsx", "app/o/[orgSlug]/prep-sheets/[prepSheetId]/page.tsx"]));
    console.info(`page isolation: ${pages.length} id pages: ${pages.map((p) => p.replace(`${clinicPagesDir}/`, "")).join(", ")}`);
  });

  it("every id param has a real Lakeside row, or is listed as fabricated with a reason", () => {
    const missing = listIdPages().flatMap((f) => idParams(f).filter((n) => !(n in lakeside) && !(n in fabricatedParams)).map((n) => `${f} [${n}]`));
    expect(missing).toEqual([]);
  });

  it("a Riverside admin opening them with Lakeside's ids gets notFound/forbidden, under either clinic's slug, and nothing is audited", async () => {
    const before = await auditCount();
    for (const file of listIdPages()) {
      for (const orgSlug of ["riverside", "lakeside"]) {
        const error = await render(file, paramsFor(file, orgSlug, lakeside)).then(() => null, (e: unknown) => e);
        expect(digestOf(error), `${file} as ${orgSlug}`).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;(403|404)$/);
      }
    }
    expect(await auditCount()).toBe(before);
  });

  it("the harness is not vacuous: the same pages render with Riverside's own ids", async () => {
    for (const file of listIdPages()) {
      if (idParams(file).some((n) => n in fabricatedParams)) continue;
      await expect(render(file, paramsFor(file, "riverside", riverside)), file).resolves.toBeUndefined();
    }
  });
});
