import { describe, expect, it } from "vitest";
import { screeningPresetSchema, screeningTypeSchema, uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { describeEligibility } from "./describe-eligibility";
import { buildScreeningTypeInput, screeningTypeFormSchema, toFormIssue, toScreeningTypeFormValues } from "./screening-type-form";

const presetTypes = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;

describe("screening type editor form", () => {
  it.each(presetTypes.map((t) => [t.key, t] as const))("%s survives a save without changes byte for byte", (_key, type) => {
    const form = screeningTypeFormSchema.parse(toScreeningTypeFormValues(type));
    expect(screeningTypeSchema.parse(buildScreeningTypeInput(form, type, type.version))).toEqual(type);
  });

  it("parses code lines by system alias, drops duplicates and names the bad line", () => {
    const values = { ...toScreeningTypeFormValues(null), evidenceCodes: "loinc|1-8\nhttp://loinc.org|1-8\n\n cpt | 99397 " };
    expect(screeningTypeFormSchema.parse(values).evidenceCodes).toMatchObject({ LOINC: ["1-8"], CPT: ["99397"] });
    const bad = screeningTypeFormSchema.safeParse({ ...values, evidenceCodes: "LOINC|1-8\n12345", conditionCodes: "XYZ|1" });
    expect(bad.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["conditionCodes", "must be SYSTEM|code, one per line, with SYSTEM one of LOINC, SNOMED, CPT, HCPCS, CVX, ICD10CM (line 1)"],
      ["evidenceCodes", "must be SYSTEM|code, one per line, with SYSTEM one of LOINC, SNOMED, CPT, HCPCS, CVX, ICD10CM (line 2)"],
    ]);
  });

  it("a new type with only a name and ages is valid; crossed ages and bad keywords land on their fields", () => {
    const form = screeningTypeFormSchema.parse({ ...toScreeningTypeFormValues(null), name: "Vision check", key: "vision-check", minAge: "65" });
    const type = screeningTypeSchema.parse(buildScreeningTypeInput(form, null, 1));
    expect(type).toMatchObject({ key: "vision-check", eligibility: { minAge: 65, maxAge: null, triggers: null }, frequency: { kind: "interval", value: 1, unit: "years" } });
    expect(describeEligibility(type)).toBe("Any sex, 65+");

    const crossed = screeningTypeFormSchema.parse({ ...toScreeningTypeFormValues(type), minAge: "70", maxAge: "60", keywords: "eye exam\nvisual acuity: CT" });
    const issues = screeningTypeSchema.safeParse(buildScreeningTypeInput(crossed, type, 2)).error!.issues.map(toFormIssue);
    expect(issues).toEqual([
      { field: "maxAge", message: "must not be below the minimum age" },
      { field: "keywords", message: "must have at least 3 letters or digits, and not only digits (keyword 2)" },
    ]);
    // zod's own text and our internal names never reach the editor.
    const tooMany = screeningTypeSchema.safeParse({ ...buildScreeningTypeInput(form, null, 1), name: "x", timing: { dueSoonDays: -1, overdueAfterDays: null } });
    expect(tooMany.error!.issues.map(toFormIssue)).toEqual([
      { field: "name", message: "must be at least 2 characters" },
      { field: "dueSoonDays", message: "must be at least 0" },
    ]);
  });

  it("clearing the condition codes keeps a type's observation rules and text synonyms", () => {
    const lung = presetTypes.find((t) => t.key === "lung-ldct")!;
    const form = screeningTypeFormSchema.parse({ ...toScreeningTypeFormValues(lung), conditionCodes: "" });
    const edited = screeningTypeSchema.parse(buildScreeningTypeInput(form, lung, 2));
    expect(edited.eligibility.triggers).toEqual({ ...lung.eligibility.triggers, codes: expect.objectContaining({ ICD10CM: [], SNOMED: [] }) });
  });
});

describe("picking clinical concepts instead of typing codes", () => {
  it("a custom type names concepts; an unknown one is reported on the concepts field", () => {
    const values = { ...toScreeningTypeFormValues(null), name: "Prenatal infections", key: "prenatal-infections", concepts: "hiv-test,hepatitis-c-antibody" };
    const type = screeningTypeSchema.parse(buildScreeningTypeInput(screeningTypeFormSchema.parse(values), null, 1));
    expect(type.evidence.concepts).toEqual(["hiv-test", "hepatitis-c-antibody"]);
    expect(toScreeningTypeFormValues(type).concepts).toBe("hiv-test,hepatitis-c-antibody");
    const unknown = screeningTypeFormSchema.parse({ ...values, concepts: "hiv-test, made-up-test" });
    const issues = screeningTypeSchema.safeParse(buildScreeningTypeInput(unknown, null, 1)).error!.issues.map(toFormIssue);
    expect(issues).toEqual([{ field: "concepts", message: "must be one of the choices offered (concept 2)" }]);
  });

  it("a type stored or exported before concepts existed still parses, with none", () => {
    const { concepts: _dropped, ...evidence } = presetTypes.find((t) => t.key === "lipid-panel")!.evidence;
    const old = { ...presetTypes.find((t) => t.key === "lipid-panel")!, evidence: { ...evidence, codes: { LOINC: ["57698-3"] } } };
    expect(screeningTypeSchema.parse(JSON.parse(JSON.stringify(old))).evidence).toMatchObject({ concepts: [], codes: { LOINC: ["57698-3"] } });
  });
});
