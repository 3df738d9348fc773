import { actAs } from "./fixtures/mock-signed-in-session";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { memberships } from "@/db/schema";
import { sniffContentType, mimeTypeByKind, type DocumentKind } from "@/lib/documents/sniff-content-type";
import { mapPatientFacts } from "@/lib/fhir/to-domain/patient";
import { toErrorBody } from "@/lib/http/to-response";
import { changeMemberRoleSchema, createOrganizationSchema, removeMemberSchema } from "@/lib/organizations/organization-schemas";
import { configureEhrConnectionSchema } from "@/lib/smart/ehr-connection-schemas";
import { launchParamsSchema } from "@/lib/smart/resolve-launch";
import { openSeededDemo, type SeededDemo } from "./fixtures/open-seeded-demo";
import { declaredPermission, loadAppEntries, type AppEntry } from "./security-app-inventory";


const runs = { numRuns: 150 };

describe("document type sniffing (fuzz)", () => {
  const kinds = new Set(Object.keys(mimeTypeByKind));
  const magic: Array<[DocumentKind, number[]]> = [
    ["png", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
    ["jpeg", [0xff, 0xd8, 0xff]],
    ["tiff", [0x49, 0x49, 0x2a, 0x00]],
    ["tiff", [0x4d, 0x4d, 0x00, 0x2a]],
    ["pdf", [...Buffer.from("%PDF-1.7")]],
    ["zip", [0x50, 0x4b, 0x03, 0x04]],
  ];
  it("always answers a known kind, whatever the bytes", () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => void expect(kinds.has(sniffContentType(bytes))).toBe(true)), runs);
  });
  it.each(magic)("a %s signature wins over any tail", (kind, prefix) => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (tail) => void expect(sniffContentType(Uint8Array.from([...prefix, ...tail]))).toBe(kind)), runs);
  });
  it("a PDF header anywhere in the first KiB of non-magic bytes is a PDF (scanners prepend junk)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }).filter((b) => b[0] !== 0x89 && b[0] !== 0xff), fc.uint8Array({ maxLength: 100 }), (junk, tail) => {
        expect(sniffContentType(Uint8Array.from([...junk, ...Buffer.from("%PDF-1.4"), ...tail]))).toBe("pdf");
      }),
      runs,
    );
  });
});

describe("FHIR Patient mapping keeps only screening facts (fuzz)", () => {
  const person = fc.record({
    given: fc.string({ minLength: 4, maxLength: 12 }).map((s) => `G${s.replace(/\W/g, "x")}`),
    family: fc.string({ minLength: 4, maxLength: 12 }).map((s) => `F${s.replace(/\W/g, "x")}`),
    mrn: fc.integer({ min: 100000, max: 999999 }).map(String),
    phone: fc.constant("555-0199"),
    city: fc.constantFrom("Springfield", "Rivertown"),
  });
  it("names, MRNs, phone numbers and addresses never reach the stored facts", () => {
    fc.assert(
      fc.property(person, fc.constantFrom("male", "female", "other", "unknown", 7, null), fc.jsonValue(), (p, gender, extra) => {
        const patient = {
          resourceType: "Patient",
          id: "p1",
          gender,
          birthDate: "1970-01-01",
          name: [{ family: p.family, given: [p.given], text: `${p.given} ${p.family}` }],
          identifier: [{ type: { text: "MRN" }, value: p.mrn }],
          telecom: [{ system: "phone", value: p.phone }],
          address: [{ city: p.city, line: ["1 Main St"] }],
          extension: extra,
        };
        const text = JSON.stringify(mapPatientFacts(patient));
        for (const value of [p.given, p.family, p.mrn, p.phone, p.city, "Main St"]) expect(text).not.toContain(value);
      }),
      runs,
    );
  });
});

describe("request schemas (fuzz): malformed input is a 400 with a message, never a 500", () => {
  const schemas: Array<[string, z.ZodType]> = [
    ["changeMemberRole", changeMemberRoleSchema],
    ["removeMember", removeMemberSchema],
    ["createOrganization", createOrganizationSchema],
    ["configureEhrConnection", configureEhrConnectionSchema],
    ["launchParams", launchParamsSchema],
  ];
  it.each(schemas)("%s", (_name, schema) => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(fc.constantFrom("orgSlug", "membershipId", "role", "name", "slug", "timeZone", "fhirBaseUrl", "clientId", "iss", "launch"), fc.anything())), (input) => {
        const parsed = schema.safeParse(input);
        if (parsed.success) return;
        const { status, body } = toErrorBody(parsed.error);
        expect(status).toBe(400);
        expect(body.error.code).toBe("invalid_input");
        // Plain words: no zod text ("Too small: expected string…", "(key: Invalid input…)").
        expect(body.error.message).toMatch(/^[A-Z]/);
        expect(body.error.message).not.toMatch(/Too small|Too big|expected |received|Invalid input|\(key:/);
      }),
      runs,
    );
  });
});

describe("route handlers and server actions (fuzz) as a clinic admin in their own clinic", () => {
  let handle: SeededDemo["handle"];
  let entries: AppEntry[];
  let staffMembership: string;
  beforeAll(async () => {
    let userIds: SeededDemo["userIds"];
    ({ handle, userIds } = await openSeededDemo("fuzz-password-1", { totpSecret: null }));
    const staffId = userIds["riverside.staff@healthprep.test"]!;
    staffMembership = (await handle.db.select().from(memberships).where(eq(memberships.userId, staffId)))[0]!.id;
    actAs({ userId: userIds["riverside.admin@healthprep.test"]!, email: "riverside.admin@healthprep.test", sessionId: "ses_fuzz" });
    entries = (await loadAppEntries()).filter((e) => {
      const permission = declaredPermission(e.fn) ?? "";
      // Public entries and the Epic connection test (it calls the clinic's Epic) are exercised elsewhere.
      return permission !== "public" && e.name !== "testEhrConnectionAction";
    });
  }, 180_000);
  afterAll(async () => handle?.close());

  const bodyArb = fc.oneof(
    fc.jsonValue(),
    fc.string(),
    fc.record({ role: fc.oneof(fc.string(), fc.constantFrom("staff", "provider", "org_admin", "")) }, { requiredKeys: [] }),
  );

  it("routes: arbitrary bodies and ids → 4xx with a message", async () => {
    const routes = entries.filter((e) => e.kind === "route" && !["GET", "HEAD"].includes(e.name));
    expect(routes.length).toBeGreaterThan(0);
    for (const entry of routes) {
      await fc.assert(
        fc.asyncProperty(bodyArb, fc.oneof(fc.string(), fc.constant(staffMembership)), fc.boolean(), async (body, id, raw) => {
          const handler = entry.fn as (r: Request, a: { params: Promise<Record<string, string>> }) => Promise<Response>;
          const request = new Request("http://localhost:3000/api/x", {
            method: entry.name,
            headers: { origin: "http://localhost:3000", host: "localhost:3000", "content-type": "application/json" },
            body: raw ? `${JSON.stringify(body)}}{` : JSON.stringify(body), // raw: malformed JSON
          });
          const response = await handler(request, { params: Promise.resolve({ orgSlug: "riverside", membershipId: id }) });
          if (response.status < 300) return; // a valid change; fine
          expect(response.status, `${entry.name} ${entry.file}`).toBeGreaterThanOrEqual(400);
          expect(response.status, `${entry.name} ${entry.file}`).toBeLessThan(500);
          expect(((await response.json()) as { error: { message: string } }).error.message.length).toBeGreaterThan(0);
        }),
        { numRuns: 60 },
      );
    }
  });

  it("server actions: arbitrary input → a clear error result, never internal", async () => {
    const actions = entries.filter((e) => e.kind === "action");
    expect(actions.length).toBeGreaterThan(0);
    type Result = { ok?: boolean; error?: { code: string; message: string } | string; errorCode?: string } | void;
    const call = async (entry: AppEntry, args: unknown[]): Promise<Result | "redirected"> => {
      try {
        return await (entry.fn as (...a: unknown[]) => Promise<Result>)(...args);
      } catch (error) {
        // Session actions redirect (Next.js throws); nothing else may escape.
        expect(String((error as { digest?: string })?.digest ?? error)).toMatch(/NEXT_REDIRECT|signOut/);
        return "redirected";
      }
    };
    for (const entry of actions) {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.jsonValue()).map((d) => ({ ...d, orgSlug: "riverside" }))), async (input) => {
          const result = await call(entry, [input]);
          if (!result || result === "redirected") return;
          const where = `${entry.file} ${entry.name}: ${JSON.stringify(result)}`;
          if ("ok" in result) {
            // ActionResult: { ok: true, data } or { ok: false, error: { code, message } }.
            if (result.ok) return;
            const error = result.error as { code: string; message: string } | undefined;
            expect(error?.code, where).not.toBe("internal");
            expect(typeof error?.message === "string" && error.message.trim().length > 0, where).toBe(true);
            return;
          }
          // useActionState form actions (prev state, form): the fuzzed value arrives as the form.
          for (const state of [result, await call(entry, [null, input])]) {
            if (!state || state === "redirected" || state.error === undefined) continue;
            expect(typeof state.error === "string" && state.error.trim().length > 0, where).toBe(true);
            expect(state.errorCode, where).not.toBe("internal");
          }
        }),
        { numRuns: 60 },
      );
    }
  });
});
