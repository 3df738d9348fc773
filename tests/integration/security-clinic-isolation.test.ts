import { actAs } from "./fixtures/mock-signed-in-session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { z } from "zod";
import {
  appointments, auditEvents, ehrConnections, memberships, patientDocuments, patients, prepSheets, screeningReviews, screeningTypes,
  userSessions, writeBacks,
} from "@/db/schema";
import { orgPermissions, platformPermissions } from "@/lib/auth/permissions";
import { createId, idPrefixes, type IdKind } from "@/lib/ids";
import { openSeededDemo, type SeededDemo } from "./fixtures/open-seeded-demo";
import { declaredPermission, loadAppEntries, type AppEntry } from "./security-app-inventory";
import { seedTenantRows, type TenantRows } from "./security-tenant-rows";

let handle: SeededDemo["handle"];
let entries: AppEntry[];
const ids: Record<string, string> = {};
let lakesideRows: TenantRows;
/** Every id of a real Lakeside row (any table), to check that actionInput uses real rows. */
const lakesideRowIds = new Set<string>();
const orgScoped = new Set<string>(orgPermissions);
const platformScoped = new Set<string>(platformPermissions);

beforeAll(async () => {
  const demo = await openSeededDemo("isolation-password-1");
  handle = demo.handle;
  Object.assign(ids, demo.userIds, demo.orgIds);
  for (const m of await handle.db.select().from(memberships)) ids[`mem:${m.userId}`] = m.id;
  lakesideRows = await seedTenantRows(handle.db, "lakeside");
  for (const table of [patients, appointments, prepSheets, screeningTypes, patientDocuments, memberships]) {
    for (const row of await handle.db.select({ id: table.id }).from(table).where(eq(table.organizationId, ids.lakeside! as never))) lakesideRowIds.add(row.id);
  }
  entries = await loadAppEntries();
  // A clinic admin holds every clinic permission in their own clinic: the strongest tenant to escape from.
  actAs({ userId: ids["riverside.admin@healthprep.test"]!, name: "Rita Rivers", email: "riverside.admin@healthprep.test" });
}, 180_000);
afterAll(async () => handle?.close());

const lakesideMembership = () => ids[`mem:${ids["lakeside.admin@healthprep.test"]}`]!;
/** A Lakeside id for every dynamic route segment and id-bearing action field; add one when a new kind appears. */
const lakesideIdFor: Record<string, () => string> = {
  membershipId: lakesideMembership,
  patientId: () => lakesideRows.patientId,
  appointmentId: () => lakesideRows.appointmentId,
  prepSheetId: () => lakesideRows.prepSheetId,
  screeningTypeId: () => lakesideRows.screeningTypeId,
  documentId: () => lakesideRows.documentId,
};

/**
 * Id fields of actions that are not row ids of their own, with the reason; every other field named
 * `…Id` must carry a real Lakeside row in actionInput.
 */
const notRowIdFields: Record<string, string> = {
  evidenceId: "an item inside the patient's stored screening result; the patientId beside it decides the clinic",
  clientId: "the OAuth client id Epic issued to the clinic, not a row of ours",
  backendClientId: "the Backend Services client id Epic issued to the clinic, not a row of ours",
};

/** Param kinds with no Lakeside row in this test yet: they get a well-formed id of their kind instead. */
const fabricatedKinds = new Set<string>();

function routeParams(file: string, orgSlug: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [, name] of file.matchAll(/\[([A-Za-z]+)\]/g)) {
    if (name === "orgSlug") params.orgSlug = orgSlug;
    else {
      const real = lakesideIdFor[name!];
      if (real) params[name!] = real();
      else {
        fabricatedKinds.add(name!);
        const kind = name!.replace(/Id$/, "");
        params[name!] = kind in idPrefixes ? createId(kind as IdKind) : `${kind.toLowerCase()}_${"0".repeat(26)}`;
      }
    }
  }
  return params;
}

async function callRoute(entry: AppEntry, params: Record<string, string>, body: unknown = { role: "staff" }) {
  const request = new Request(`http://localhost:3000/${entry.file}`, {
    method: entry.name,
    headers: { origin: "http://localhost:3000", host: "localhost:3000", "content-type": "application/json" },
    ...(["GET", "HEAD"].includes(entry.name) ? {} : { body: JSON.stringify(body) }),
  });
  const handler = entry.fn as (r: Request, a: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const response = await handler(request, { params: Promise.resolve(params) });
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

type ActionResult = { ok: boolean; error?: { code: string } };
const callAction = (entry: AppEntry, input: unknown) => (entry.fn as (i: unknown) => Promise<ActionResult>)(input);

/** Fields named `…Id` anywhere in an action's input schema (orgSlug aside). */
function idFieldsOf(entry: AppEntry): string[] {
  const schema = (entry.fn as { schema?: unknown }).schema;
  if (!(schema instanceof z.ZodType)) return [];
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) return node.forEach(walk);
    const properties = (node as { properties?: Record<string, unknown> }).properties;
    if (properties) for (const [name, child] of Object.entries(properties)) {
      if (/Id$/.test(name)) names.add(name);
      walk(child);
    }
    for (const key of ["anyOf", "oneOf", "allOf", "items"]) walk((node as Record<string, unknown>)[key]);
  };
  walk(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }));
  return [...names].sort();
}
const rowIdFieldsOf = (entry: AppEntry) => idFieldsOf(entry).filter((f) => !(f in notRowIdFields));

/** Valid input for each clinic action, so a denial cannot come from validation. Fields with ids come from Lakeside. */
const actionInput: Record<string, (orgSlug: string) => Record<string, unknown>> = {
  changeMemberRoleAction: (orgSlug) => ({ orgSlug, membershipId: lakesideMembership(), role: "staff" }),
  removeMemberAction: (orgSlug) => ({ orgSlug, membershipId: lakesideMembership() }),
  sendToEpicAction: (orgSlug) => ({ orgSlug, prepSheetId: lakesideIdFor.prepSheetId!() }),
  regeneratePrepSheetAction: (orgSlug) => ({ orgSlug, appointmentId: lakesideIdFor.appointmentId!() }),
  reviewEvidenceAction: (orgSlug) => ({
    orgSlug,
    patientId: lakesideIdFor.patientId!(),
    screeningTypeKey: "colorectal-cancer",
    evidenceId: "Procedure/iso-1",
    decision: "dismissed",
  }),
  retryDocumentsAction: (orgSlug) => ({ orgSlug, patientId: lakesideIdFor.patientId!() }),
  undoEvidenceReviewAction: (orgSlug) => ({ orgSlug, patientId: lakesideIdFor.patientId!(), screeningTypeKey: "colorectal-cancer", evidenceId: "Procedure/iso-1" }),
  editScreeningTypeAction: (orgSlug) => ({ orgSlug, screeningTypeId: lakesideIdFor.screeningTypeId!(), name: "Renamed by attacker", frequencyValue: "1" }),
  setScreeningTypeActiveAction: (orgSlug) => ({ orgSlug, screeningTypeId: lakesideIdFor.screeningTypeId!(), active: "false" }),
  configureEhrConnectionAction: (orgSlug) => ({
    orgSlug,
    fhirBaseUrl: "https://evil.example.com/api/FHIR/R4",
    clientId: "attacker",
    clientAuthMethod: "none",
    scopes: "openid fhirUser",
    environment: "production",
  }),
};

async function lakesideSnapshot() {
  const db = handle.db;
  const lakeside = ids.lakeside! as never;
  return {
    memberships: await db.select().from(memberships).where(eq(memberships.organizationId, lakeside)),
    ehr: await db.select().from(ehrConnections).where(eq(ehrConnections.organizationId, lakeside)),
    screeningTypes: await db.select().from(screeningTypes).where(eq(screeningTypes.organizationId, lakeside)),
    prepSheets: await db.select().from(prepSheets).where(eq(prepSheets.organizationId, lakeside)),
    writeBacks: await db.select().from(writeBacks).where(eq(writeBacks.organizationId, lakeside)),
    reviews: await db.select().from(screeningReviews).where(eq(screeningReviews.organizationId, lakeside)),
    audit: (await db.select({ n: count() }).from(auditEvents))[0]!.n,
    revoked: (await db.select().from(userSessions)).filter((s) => s.revokedAt).length,
  };
}

describe("clinic isolation, route by route and action by action", () => {
  it("covers at least the known clinic routes and actions", () => {
    const scoped = entries.filter((e) => orgScoped.has(declaredPermission(e.fn) ?? ""));
    expect(scoped.filter((e) => e.kind === "route").length).toBeGreaterThanOrEqual(2);
    expect(scoped.filter((e) => e.kind === "action").length).toBeGreaterThanOrEqual(4);
  });

  it("a Riverside admin gets 403/404 from every clinic route with Lakeside's slug and ids", async () => {
    const before = await lakesideSnapshot();
    const results: string[] = [];
    for (const entry of entries.filter((e) => e.kind === "route" && orgScoped.has(declaredPermission(e.fn) ?? ""))) {
      const { status, body } = await callRoute(entry, routeParams(entry.file, "lakeside"));
      results.push(`${entry.name} ${entry.file} → ${status} ${body.error?.code}`);
      expect([403, 404], `${entry.name} ${entry.file}`).toContain(status);
      expect(["forbidden", "not_found"]).toContain(body.error?.code);
    }
    expect(results.length).toBeGreaterThan(0);
    expect(await lakesideSnapshot()).toEqual(before);
  });

  it("… and with Riverside's slug but Lakeside's ids, every id-bearing route answers 404", async () => {
    const before = await lakesideSnapshot();
    const idRoutes = entries.filter(
      (e) => e.kind === "route" && orgScoped.has(declaredPermission(e.fn) ?? "") && /\[(?!orgSlug\])[A-Za-z]+\]/.test(e.file),
    );
    expect(idRoutes.length).toBeGreaterThan(0);
    for (const entry of idRoutes) {
      const names = [...entry.file.matchAll(/\[([A-Za-z]+)\]/g)].map((m) => m[1]!).filter((n) => n !== "orgSlug");
      const { status, body } = await callRoute(entry, routeParams(entry.file, "riverside"));
      if (names.every((n) => n in lakesideIdFor)) {
        expect(status, `${entry.name} ${entry.file}`).toBe(404);
        expect(body.error?.code).toBe("not_found");
      } else {
        // A made-up id of that kind may also fail validation first; either way nothing is returned.
        expect([400, 404], `${entry.name} ${entry.file}`).toContain(status);
      }
    }
    expect(await lakesideSnapshot()).toEqual(before);
    // Weaker for these kinds (the id exists nowhere); add a real Lakeside row to lakesideIdFor.
    if (fabricatedKinds.size) console.info(`clinic isolation: no Lakeside row yet for ${[...fabricatedKinds].join(", ")}`);
  });

  it("every clinic server action refuses Lakeside's slug", async () => {
    const before = await lakesideSnapshot();
    for (const entry of entries.filter((e) => e.kind === "action" && orgScoped.has(declaredPermission(e.fn) ?? ""))) {
      const input = actionInput[entry.name]?.("lakeside") ?? { orgSlug: "lakeside" };
      const result = await callAction(entry, input);
      expect(result.ok, `${entry.file} ${entry.name}`).toBe(false);
      expect(["forbidden", "not_found"], `${entry.file} ${entry.name}`).toContain(result.error?.code);
    }
    expect(await lakesideSnapshot()).toEqual(before);
  });

  it("every id-bearing clinic action refuses Lakeside's real ids under Riverside's slug", async () => {
    const before = await lakesideSnapshot();
    const clinicActions = entries.filter((e) => e.kind === "action" && orgScoped.has(declaredPermission(e.fn) ?? ""));
    const idActions = clinicActions.filter((e) => rowIdFieldsOf(e).length > 0);
    // Found from each action's declared schema (orgAction exposes it), so a new id-bearing action is covered or fails here.
    expect(idActions.map((e) => e.name)).toEqual(expect.arrayContaining(["changeMemberRoleAction", "removeMemberAction", "sendToEpicAction", "reviewEvidenceAction"]));
    expect(idActions.filter((e) => !(e.name in actionInput)).map((e) => `${e.file} ${e.name}: add it to actionInput`)).toEqual([]);
    for (const entry of idActions) {
      const input = actionInput[entry.name]!("riverside");
      for (const field of rowIdFieldsOf(entry)) {
        if (field in input) expect(lakesideRowIds.has(String(input[field])), `${entry.name}.${field} must be a real Lakeside row (see lakesideIdFor)`).toBe(true);
      }
      const result = await callAction(entry, input);
      expect(result, `${entry.file} ${entry.name}`).toMatchObject({ ok: false, error: { code: "not_found" } });
    }
    expect(await lakesideSnapshot()).toEqual(before);
    console.info(`clinic isolation: ${idActions.length} id-bearing actions checked with real Lakeside rows`);
  });

  it("platform routes and actions refuse a clinic admin", async () => {
    for (const entry of entries.filter((e) => platformScoped.has(declaredPermission(e.fn) ?? ""))) {
      if (entry.kind === "route") {
        const { status } = await callRoute(entry, routeParams(entry.file, "lakeside"));
        expect(status, `${entry.file} ${entry.name}`).toBe(403);
      } else {
        const result = await callAction(entry, { name: "Evil Clinic", slug: "evil", timeZone: "UTC" });
        expect(result, `${entry.file} ${entry.name}`).toMatchObject({ ok: false, error: { code: "forbidden" } });
      }
    }
  });

  it("the harness is not vacuous: the same admin succeeds in their own clinic", async () => {
    const list = entries.find((e) => e.kind === "route" && e.name === "GET" && e.file.endsWith("members/route.ts"))!;
    expect((await callRoute(list, { orgSlug: "riverside" })).status).toBe(200);
    const change = entries.find((e) => e.name === "changeMemberRoleAction")!;
    const staffMembership = ids[`mem:${ids["riverside.staff@healthprep.test"]}`]!;
    await expect(callAction(change, { orgSlug: "riverside", membershipId: staffMembership, role: "provider" })).resolves.toMatchObject({ ok: true });
  });
});
