import { describe, expect, it, vi } from "vitest";
import { orgPermissions, platformPermissions } from "@/lib/auth/permissions";
import { declaredPermission, listRouteFiles, listServerActionFiles, loadAppEntries } from "./security-app-inventory";

// next-auth's ESM build imports "next/server" without an extension, which Node cannot resolve outside Next.
vi.mock("next-auth", () => ({ AuthError: class extends Error {} }));
vi.mock("@/lib/auth", () => ({ handlers: { GET: vi.fn(), POST: vi.fn() }, signIn: vi.fn(), signOut: vi.fn(), auth: vi.fn() }));
vi.mock("next/headers", () => ({ headers: async () => new Headers(), cookies: async () => ({ get: () => undefined, set: () => {} }) }));

const known = new Set<string>([...orgPermissions, ...platformPermissions, "session.self", "public"]);

// Public on purpose; anything else declaring "public" fails this test until it is added here with a reason.
const expectedPublic = new Set([
  "app/api/auth/[...nextauth]/route.ts GET", // Auth.js
  "app/api/auth/[...nextauth]/route.ts POST",
  "app/api/inngest/route.ts GET", // Inngest verifies request signatures
  "app/api/inngest/route.ts POST",
  "app/api/inngest/route.ts PUT",
  "app/api/health/route.ts GET",
  "app/api/jwks/route.ts GET",
  "app/launch/route.ts GET", // SMART EHR launch
  "app/(auth)/actions.ts signInWithPasswordAction",
  "app/(auth)/actions.ts signOutAction",
  "app/(auth)/epic-actions.ts signInWithEpicAction",
]);

describe("permission inventory of app/", () => {
  it("finds route handlers and server actions on disk", () => {
    expect(listRouteFiles().length).toBeGreaterThanOrEqual(6);
    expect(listServerActionFiles().length).toBeGreaterThanOrEqual(4);
  });

  it("every route handler and server action declares a known permission", async () => {
    const entries = await loadAppEntries();
    const missing = entries.filter((e) => !known.has(declaredPermission(e.fn) ?? "")).map((e) => `${e.file} ${e.name}`);
    expect(missing).toEqual([]);
    const publicOnes = entries.filter((e) => declaredPermission(e.fn) === "public").map((e) => `${e.file} ${e.name}`);
    expect(publicOnes.filter((p) => !expectedPublic.has(p))).toEqual([]);
    // Reported in the closing note.
    const routes = entries.filter((e) => e.kind === "route").length;
    console.info(`permission inventory: ${routes} route handlers, ${entries.length - routes} server actions`);
  });
});
