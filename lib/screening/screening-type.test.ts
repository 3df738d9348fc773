import { describe, expect, test } from "vitest";
import { buildType } from "./build-test-facts";
import { clinicSettingsSchema, resolveTiming } from "./clinic-settings";
import { screeningPresetSchema, screeningTypeSchema } from "./screening-type";

const minimal = { key: "flu", version: 1, name: "Flu", frequency: { kind: "interval", value: 1, unit: "years" } };

describe("screeningTypeSchema", () => {
  test("fills safe defaults", () => {
    const type = screeningTypeSchema.parse(minimal);
    expect(type.eligibility).toEqual({ minAge: null, maxAge: null, sex: "any", unknownSexRule: "review", triggers: null, note: null });
    expect(type.family).toBeNull();
    expect(type.evidence.codes.LOINC).toEqual([]);
    expect(type.evidence.documentCategories).toContain("lab");
    expect(type.timing).toEqual({ dueSoonDays: null, overdueAfterDays: null });
  });

  test.each([
    ["minAge above maxAge", { eligibility: { minAge: 70, maxAge: 40 } }],
    ["a two-letter keyword", { evidence: { keywords: [{ term: "CT" }] } }],
    ["a numeric keyword", { evidence: { keywords: [{ term: "2024" }] } }],
    ["a key with spaces", { key: "Flu shot" }],
    ["version 0", { version: 0 }],
    ["a zero frequency", { frequency: { kind: "interval", value: 0, unit: "years" } }],
    ["an unknown document category", { evidence: { documentCategories: ["xray"] } }],
    ["an unknown sex", { eligibility: { sex: "F" } }],
  ])("rejects %s", (_label, over) => {
    expect(screeningTypeSchema.safeParse({ ...minimal, ...over }).success).toBe(false);
  });

  test("round-trips through JSON (import/export)", () => {
    const type = buildType({ family: { id: "colorectal-cancer", rank: 10 }, evidence: { keywords: [{ term: "fit test", synonyms: ["fobt"] }] } });
    expect(screeningTypeSchema.parse(JSON.parse(JSON.stringify(type)))).toEqual(type);
  });

  test("a preset rejects duplicate type keys", () => {
    const result = screeningPresetSchema.safeParse({ key: "p", version: 1, name: "Preset", source: "test", types: [minimal, minimal] });
    expect(result.success).toBe(false);
  });
});

describe("clinic timing precedence: clinic override for the type > type timing > clinic default", () => {
  const settings = clinicSettingsSchema.parse({ dueSoonDays: 30, overdueAfterDays: 90, typeOverrides: { flu: { overdueAfterDays: 10 } } });
  test.each([
    ["defaults", buildType({ key: "other" }), { dueSoonDays: 30, overdueAfterDays: 90 }],
    ["type timing", buildType({ key: "other", timing: { dueSoonDays: 60 } }), { dueSoonDays: 60, overdueAfterDays: 90 }],
    ["clinic override", buildType({ key: "flu", timing: { overdueAfterDays: 200 } }), { dueSoonDays: 30, overdueAfterDays: 10 }],
  ])("%s", (_label, type, expected) => {
    expect(resolveTiming(type, settings)).toEqual(expected);
  });

  test("settings defaults", () => {
    expect(clinicSettingsSchema.parse({})).toEqual({ dueSoonDays: 30, overdueAfterDays: 90, minDocumentConfidence: 0.8, typeOverrides: {} });
  });
});
