import { actAs } from "./fixtures/mock-signed-in-session";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { findScreeningTypeByKey, listScreeningTypes } from "@/db/queries/screenings";
import { auditEvents } from "@/db/schema";
import { screeningPresetSchema, uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { listScreeningTypeSummaries } from "@/lib/screening-data/list-screening-type-summaries";
import { parseStoredType } from "@/lib/screening-data/parse-stored-type";
import { openSeededDemo, type SeededDemo } from "./fixtures/open-seeded-demo";

const actions = await import("@/app/o/[orgSlug]/screenings/actions");
const exportRoute = await import("@/app/api/orgs/[orgSlug]/screening-types/export/route");

type Result = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; issues?: Array<{ path: string; message: string }> } };
type Action = (input: unknown) => Promise<Result>;
const call = (action: unknown, input: Record<string, unknown>) => (action as Action)(input);

let { handle, userIds, orgIds } = {} as SeededDemo;
const presetTypes = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;

const signInAs = (email: string) => actAs({ userId: userIds[email]!, name: "Test User", email });

const auditRows = (org: string, action: string) =>
  handle.db.select().from(auditEvents).where(and(eq(auditEvents.organizationId, orgIds[org]!), eq(auditEvents.action, action)));

/** The editor's fields as the browser submits them (FormData values are strings). */
function formOf(overrides: Record<string, string>): Record<string, string> {
  return {
    name: "Diabetic eye exam", key: "", sex: "any", unknownSexRule: "review", minAge: "18", maxAge: "75",
    conditionCodes: "ICD10CM|E11\nicd10cm|E10", frequencyKind: "interval", frequencyValue: "1", frequencyUnit: "years",
    dueSoonDays: "", overdueAfterDays: "", evidenceCodes: "CPT|92250\nLOINC|32451-7\nCPT|92250", keywords: "retinal exam: dilated eye exam, fundus photo",
    ...overrides,
  };
}

function issuesOf(result: Result): Record<string, string> {
  expect(result.ok).toBe(false);
  if (result.ok) return {};
  expect(result.error.code).toBe("invalid_input");
  return Object.fromEntries((result.error.issues ?? []).map((i) => [i.path, i.message]));
}

beforeAll(async () => {
  ({ handle, userIds, orgIds } = await openSeededDemo("screening-ui-password-1"));
  signInAs("riverside.admin@healthprep.test");
}, 180_000);
afterAll(async () => handle?.close());

describe("screening types UI actions", () => {
  it("lists the seeded preset types with eligibility and frequency summaries", async () => {
    const { types, counts } = await listScreeningTypeSummaries(handle.db, { organizationId: orgIds.riverside!, status: "all" });
    expect(counts).toEqual({ all: presetTypes.length, active: presetTypes.length, inactive: 0 });
    const cervical = types.find((t) => t.key === presetTypes.find((p) => p.eligibility.sex === "female")!.key)!;
    expect(cervical.eligibility).toMatch(/^Female, /);
    expect(types.every((t) => t.preset?.key === "uspstf-adult-primary-care" && t.frequency !== null)).toBe(true);
  });

  it("creates a clinic-defined type from the editor's fields, key derived from the name; audited", async () => {
    const result = await call(actions.createScreeningTypeAction, { orgSlug: "riverside", ...formOf({}) });
    expect(result).toMatchObject({ ok: true, data: { key: "diabetic-eye-exam", version: 1 } });
    const row = (await findScreeningTypeByKey(handle.db, orgIds.riverside!, "diabetic-eye-exam"))!;
    const type = parseStoredType(row);
    expect(row).toMatchObject({ active: true, presetKey: null, version: 1 });
    expect(type.eligibility).toMatchObject({ minAge: 18, maxAge: 75, triggers: { codes: { ICD10CM: ["E11", "E10"] } } });
    expect(type.evidence.codes).toMatchObject({ CPT: ["92250"], LOINC: ["32451-7"] });
    expect(type.evidence.keywords).toEqual([{ term: "retinal exam", synonyms: ["dilated eye exam", "fundus photo"], blockers: [] }]);
    const [audit] = await auditRows("riverside", "screening_type.created");
    expect(audit).toMatchObject({ actorUserId: userIds["riverside.admin@healthprep.test"], targetIds: [row.id], metadata: { key: "diabetic-eye-exam" }, userAgent: "vitest" });

    const again = issuesOf(await call(actions.createScreeningTypeAction, { orgSlug: "riverside", ...formOf({}) }));
    expect(again.key).toBe("is already used by another screening type in this clinic");
  });

  it("bad input comes back as messages per editor field and changes nothing", async () => {
    const row = (await findScreeningTypeByKey(handle.db, orgIds.riverside!, presetTypes[0]!.key))!;
    const base = { orgSlug: "riverside", screeningTypeId: row.id, version: String(row.version) };
    // First the form's own parsing: a code line without a known system, a non-number, an interval without a value.
    const formIssues = issuesOf(
      await call(actions.editScreeningTypeAction, { ...base, ...formOf({ evidenceCodes: "LOINC|123-4\nFOO|1", minAge: "abc", frequencyValue: "" }) }),
    );
    expect(formIssues.evidenceCodes).toMatch(/^must be SYSTEM\|code, one per line, .*\(line 2\)$/);
    expect(formIssues.minAge).toBe("must be a number, or left empty");
    expect(formIssues.frequencyValue).toBe("is required for a screening that repeats (or choose once in a lifetime)");
    // Then screeningTypeSchema, mapped back to the fields.
    const schemaIssues = issuesOf(
      await call(actions.editScreeningTypeAction, { ...base, ...formOf({ name: "x", minAge: "70", maxAge: "50", keywords: "ok term\nCT", dueSoonDays: "-3" }) }),
    );
    expect(Object.keys(schemaIssues).sort()).toEqual(["dueSoonDays", "keywords", "maxAge", "name"]);
    expect(schemaIssues.maxAge).toBe("must not be below the minimum age");
    expect(schemaIssues.keywords).toBe("must have at least 3 letters or digits, and not only digits (keyword 2)");
    expect(schemaIssues.name).toBe("must be at least 2 characters");
    expect(schemaIssues.dueSoonDays).toBe("must be at least 0");
    expect(await findScreeningTypeByKey(handle.db, orgIds.riverside!, row.key)).toEqual(row);
    expect(await auditRows("riverside", "screening_type.updated")).toEqual([]);
  });

  it("edits a preset type: version goes up, rules the editor does not show are kept, a no-op save writes nothing", async () => {
    const withExclusions = presetTypes.find((t) => t.exclusions.phrases.length > 0 || t.eligibility.triggers?.observations.length)!;
    const row = (await findScreeningTypeByKey(handle.db, orgIds.riverside!, withExclusions.key))!;
    const before = parseStoredType(row);
    const { toScreeningTypeFormValues } = await import("@/lib/screening-data/screening-type-form");
    const values = toScreeningTypeFormValues(before);
    const base = { orgSlug: "riverside", screeningTypeId: row.id, version: String(row.version) };

    const saved = await call(actions.editScreeningTypeAction, { ...base, ...values, dueSoonDays: "45", name: `${before.name} (clinic)` });
    expect(saved).toMatchObject({ ok: true, data: { version: row.version + 1, changed: ["name", "timing"] } });
    const after = parseStoredType((await findScreeningTypeByKey(handle.db, orgIds.riverside!, row.key))!);
    expect(after.timing.dueSoonDays).toBe(45);
    expect({ ...after, name: before.name, version: before.version, timing: before.timing }).toEqual(before);
    const [audit] = await auditRows("riverside", "screening_type.updated");
    expect(audit!.metadata).toEqual({ key: row.key, version: row.version + 1, changed: ["name", "timing"] });

    const same = await call(actions.editScreeningTypeAction, { ...base, ...values, dueSoonDays: "45", name: `${before.name} (clinic)`, version: String(row.version + 1) });
    expect(same).toMatchObject({ ok: true, data: { version: row.version + 1, changed: [] } });
    expect(await auditRows("riverside", "screening_type.updated")).toHaveLength(1);

    // A save based on the version before ours is refused rather than undoing our change.
    const stale = await call(actions.editScreeningTypeAction, { ...base, ...values });
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("deactivates and reactivates a type; inactive types leave the active list; audited", async () => {
    const row = (await findScreeningTypeByKey(handle.db, orgIds.riverside!, "diabetic-eye-exam"))!;
    const off = await call(actions.setScreeningTypeActiveAction, { orgSlug: "riverside", screeningTypeId: row.id, active: "false" });
    expect(off).toMatchObject({ ok: true, data: { active: false, changed: true } });
    expect((await listScreeningTypes(handle.db, orgIds.riverside!, { activeOnly: true })).map((r) => r.key)).not.toContain(row.key);
    const inactive = await listScreeningTypeSummaries(handle.db, { organizationId: orgIds.riverside!, status: "inactive" });
    expect(inactive.types.map((t) => t.key)).toEqual([row.key]);
    expect(await call(actions.setScreeningTypeActiveAction, { orgSlug: "riverside", screeningTypeId: row.id, active: true })).toMatchObject({ ok: true, data: { active: true } });
    expect((await auditRows("riverside", "screening_type.deactivated")).map((a) => a.targetIds)).toEqual([[row.id]]);
    expect(await auditRows("riverside", "screening_type.activated")).toHaveLength(1);
    expect((await findScreeningTypeByKey(handle.db, orgIds.riverside!, row.key))!.version).toBe(row.version);
  });

  it("previews a preset type by type and applies it with a per-type choice", async () => {
    const preview = await call(actions.previewPresetAction, { orgSlug: "riverside", presetKey: "uspstf-adult-primary-care" });
    expect(preview.ok).toBe(true);
    const data = (preview as { data: { items: Array<{ key: string; change: string }>; untouched: number } }).data;
    const changed = data.items.filter((i) => i.change === "changed").map((i) => i.key);
    expect(changed).toHaveLength(1);
    expect(data.items.filter((i) => i.change === "identical")).toHaveLength(presetTypes.length - 1);
    expect(data.untouched).toBe(1); // diabetic-eye-exam, which the preset does not know

    const applied = await call(actions.applyPresetAction, { orgSlug: "riverside", presetKey: "uspstf-adult-primary-care", choices: { [changed[0]!]: "overwrite" } });
    expect(applied).toMatchObject({ ok: true, data: { added: [], overwritten: changed, skipped: [] } });
    const restored = parseStoredType((await findScreeningTypeByKey(handle.db, orgIds.riverside!, changed[0]!))!);
    expect({ ...restored, version: 1 }).toEqual(presetTypes.find((t) => t.key === changed[0]));
    expect(await findScreeningTypeByKey(handle.db, orgIds.riverside!, "diabetic-eye-exam")).not.toBeNull();
    const audit = (await auditRows("riverside", "screening_types.applied")).find((a) => a.actorUserId === userIds["riverside.admin@healthprep.test"]);
    expect(audit!.metadata).toMatchObject({ presetKey: "uspstf-adult-primary-care", overwritten: 1 });

    expect(await call(actions.previewPresetAction, { orgSlug: "riverside", presetKey: "no-such-preset" })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("export → import round trip into another clinic; bad files get a clear message", async () => {
    const response = await exportRoute.GET(new Request("http://localhost:3000/api/orgs/riverside/screening-types/export"), {
      params: Promise.resolve({ orgSlug: "riverside" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="riverside-screening-types.json"');
    const text = await response.text();
    const file = JSON.parse(text) as { format: string; types: Array<{ definition: { key: string } }> };
    expect(file.format).toBe("healthprep.screening-types");
    expect(file.types).toHaveLength(presetTypes.length + 1);
    expect(await auditRows("riverside", "screening_types.exported")).toHaveLength(1);

    signInAs("lakeside.admin@healthprep.test");
    try {
      const preview = await call(actions.previewScreeningTypesFileAction, { orgSlug: "lakeside", text });
      const items = (preview as { data: { items: Array<{ key: string; change: string }> } }).data.items;
      expect(items.filter((i) => i.change === "new").map((i) => i.key)).toEqual(["diabetic-eye-exam"]);
      expect(items.filter((i) => i.change === "identical")).toHaveLength(presetTypes.length);
      const imported = await call(actions.importScreeningTypesFileAction, { orgSlug: "lakeside", text, choices: {} });
      expect(imported).toMatchObject({ ok: true, data: { added: ["diabetic-eye-exam"], overwritten: [], unchanged: expect.any(Array) } });
      const copy = (await findScreeningTypeByKey(handle.db, orgIds.lakeside!, "diabetic-eye-exam"))!;
      const original = (await findScreeningTypeByKey(handle.db, orgIds.riverside!, "diabetic-eye-exam"))!;
      expect(copy.definition).toEqual(original.definition);
      expect(await auditRows("lakeside", "screening_types.imported")).toHaveLength(1);

      const notJson = await call(actions.previewScreeningTypesFileAction, { orgSlug: "lakeside", text: "{ not json" });
      expect(notJson).toMatchObject({ ok: false, error: { code: "invalid_input", message: expect.stringMatching(/^The file is not valid JSON/) } });
      const badType = JSON.stringify({ format: "healthprep.screening-types", formatVersion: 1, types: [{ definition: { ...file.types[0]!.definition, key: "Bad Key" } }] });
      const bad = await call(actions.importScreeningTypesFileAction, { orgSlug: "lakeside", text: badType, choices: {} });
      expect(bad).toMatchObject({ ok: false, error: { code: "invalid_input", message: expect.stringContaining("types.0.definition.key") } });
    } finally {
      signInAs("riverside.admin@healthprep.test");
    }
  });

  it("staff read but cannot change; another clinic's type id is not found under our slug", async () => {
    const lakesideType = (await listScreeningTypes(handle.db, orgIds.lakeside!))[0]!;
    const edit = await call(actions.editScreeningTypeAction, { orgSlug: "riverside", screeningTypeId: lakesideType.id, ...formOf({}) });
    expect(edit).toMatchObject({ ok: false, error: { code: "not_found" } });
    const toggle = await call(actions.setScreeningTypeActiveAction, { orgSlug: "riverside", screeningTypeId: lakesideType.id, active: "false" });
    expect(toggle).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect((await findScreeningTypeByKey(handle.db, orgIds.lakeside!, lakesideType.key))!.active).toBe(true);

    signInAs("riverside.staff@healthprep.test");
    try {
      const own = (await findScreeningTypeByKey(handle.db, orgIds.riverside!, "diabetic-eye-exam"))!;
      for (const [action, input] of [
        [actions.createScreeningTypeAction, formOf({ name: "Staff type" })],
        [actions.editScreeningTypeAction, { screeningTypeId: own.id, ...formOf({}) }],
        [actions.setScreeningTypeActiveAction, { screeningTypeId: own.id, active: "false" }],
        [actions.applyPresetAction, { presetKey: "uspstf-adult-primary-care" }],
        [actions.importScreeningTypesFileAction, { text: "{}" }],
      ] as const) {
        expect(await call(action, { orgSlug: "riverside", ...input })).toMatchObject({ ok: false, error: { code: "forbidden" } });
      }
      const response = await exportRoute.GET(new Request("http://localhost:3000/x"), { params: Promise.resolve({ orgSlug: "riverside" }) });
      expect(response.status).toBe(200);
    } finally {
      signInAs("riverside.admin@healthprep.test");
    }
  });
});
