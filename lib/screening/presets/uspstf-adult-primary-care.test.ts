import { describe, expect, test } from "vitest";
import { buildFacts, cpt, cvx, icd10, loinc, snomed, type LooseFactsInput } from "../build-test-facts";
import { codeSystems } from "../code-set";
import { evaluateScreenings } from "../evaluate-screenings";
import { screeningPresetSchema } from "../screening-type";
import { uspstfAdultPrimaryCarePreset } from "./uspstf-adult-primary-care";

const preset = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset);

/** LOINC check digit: Luhn (mod 10) over the digits of the full code. */
function isValidLoinc(code: string): boolean {
  if (!/^\d{1,7}-\d$/.test(code)) return false;
  const digits = code.replace("-", "").split("").map(Number).reverse();
  const sum = digits.reduce((acc, digit, i) => acc + (i % 2 === 1 ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][digit] ?? 0 : digit), 0);
  return sum % 10 === 0;
}

const verhoeffD = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const verhoeffP = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
/** SNOMED CT identifiers end in a Verhoeff check digit. */
function isValidSnomed(code: string): boolean {
  if (!/^\d{6,18}$/.test(code)) return false;
  let c = 0;
  code.split("").reverse().forEach((ch, i) => {
    c = verhoeffD[c]?.[verhoeffP[i % 8]?.[Number(ch)] ?? 0] ?? 0;
  });
  return c === 0;
}

const formats: Record<(typeof codeSystems)[number], (code: string) => boolean> = {
  LOINC: isValidLoinc,
  SNOMED: isValidSnomed,
  CPT: (code) => /^\d{5}$/.test(code),
  HCPCS: (code) => /^[A-V]\d{4}$/.test(code),
  CVX: (code) => /^\d{1,3}$/.test(code),
  ICD10CM: (code) => /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/.test(code),
};

describe("preset data", () => {
  test("parses, has unique keys and the required screenings", () => {
    const keys = preset.types.map((t) => t.key);
    for (const key of [
      "colorectal-colonoscopy", "colorectal-fit", "colorectal-sdna-fit", "colorectal-ct-colonography", "breast-mammography",
      "cervical-cytology", "cervical-hpv", "lung-ldct", "aaa-ultrasound", "osteoporosis-dxa", "diabetes-screening-a1c",
      "lipid-panel", "hepatitis-c-screening", "hiv-screening", "depression-screening", "blood-pressure",
      "influenza-vaccine", "pneumococcal-vaccine", "zoster-vaccine", "td-tdap-vaccine",
    ]) expect(keys).toContain(key);
  });

  test("the check-digit helpers catch typos", () => {
    expect(isValidLoinc("4548-4")).toBe(true);
    expect(isValidLoinc("4548-5")).toBe(false);
    expect(isValidSnomed("73761001")).toBe(true);
    expect(isValidSnomed("73761002")).toBe(false);
  });

  test.each(preset.types.map((t) => [t.key, t] as const))("%s: every code is well formed (check digits for LOINC and SNOMED)", (_key, type) => {
    const sets = [type.evidence.codes, type.exclusions.codes, type.eligibility.triggers?.codes, ...(type.eligibility.triggers?.observations ?? []).flatMap((o) => [o.codes, o.valueCodes])];
    for (const set of sets) {
      if (!set) continue;
      for (const system of codeSystems) for (const code of set[system]) expect({ system, code, ok: formats[system](code) }).toEqual({ system, code, ok: true });
    }
  });
});

const run = (facts: LooseFactsInput, asOf = "2025-06-01") =>
  new Map(evaluateScreenings(buildFacts(facts), preset.types, { asOf }).map((r) => [r.screeningTypeKey, r]));

describe("preset behaviour on synthetic patients", () => {
  test("70-year-old man, former smoker: AAA and LDCT apply; breast and DXA do not", () => {
    const results = run({
      patient: { birthDate: "1955-01-01", sexForClinicalUse: "male" },
      conditions: [{ id: "c1", codes: [icd10("Z87.891")], clinicalStatus: "resolved" }],
      procedures: [{ id: "p1", codes: [cpt("76706")], status: "completed", performed: "2021-01-01" }],
    });
    expect(results.get("aaa-ultrasound")?.status).toBe("complete");
    // The smoking history is undated, so the engine cannot say since when it is overdue.
    expect(results.get("lung-ldct")?.status).toBe("due");
    expect(results.get("breast-mammography")?.status).toBe("not_eligible");
    expect(results.get("osteoporosis-dxa")?.status).toBe("not_eligible");
  });

  test("never smoker by smoking status: no AAA or LDCT", () => {
    const results = run({
      patient: { birthDate: "1955-01-01", sexForClinicalUse: "male" },
      observations: [{ id: "o1", codes: [loinc("72166-2")], status: "final", effective: "2024-01-01", valueCodes: [snomed("266919005")] }],
    });
    expect(results.get("aaa-ultrasound")?.status).toBe("not_eligible");
    expect(results.get("lung-ldct")?.status).toBe("not_eligible");
  });

  test("diabetes screening: overweight triggers it, known type 2 diabetes excludes it", () => {
    const bmi = { id: "o1", codes: [loinc("39156-5")], status: "final", effective: "2025-01-01", valueNumber: 31 };
    const adult = { birthDate: "1975-01-01", sexForClinicalUse: "female" } as const;
    expect(run({ patient: adult, observations: [bmi] }).get("diabetes-screening-a1c")?.status).toBe("due");
    const diabetic = run({ patient: adult, observations: [bmi], conditions: [{ id: "c1", codes: [icd10("E11.9")] }] });
    expect(diabetic.get("diabetes-screening-a1c")?.status).toBe("excluded");
  });

  test("vaccines by CVX: flu this season, Tdap 9 years ago due soon within its 60-day window", () => {
    const results = run({
      patient: { birthDate: "1950-01-01", sexForClinicalUse: "female" },
      immunizations: [
        { id: "i1", codes: [cvx("197")], status: "completed", occurrence: "2024-10-01" },
        { id: "i2", codes: [cvx("115")], status: "completed", occurrence: "2015-07-15" },
        { id: "i3", codes: [cvx("187")], status: "not-done", occurrence: "2024-10-01" },
      ],
    });
    expect(results.get("influenza-vaccine")?.status).toBe("complete");
    expect(results.get("td-tdap-vaccine")?.status).toBe("due_soon");
    expect(results.get("zoster-vaccine")?.status).toBe("due");
  });

  test("documents: a DXA filename counts for a woman over 65", () => {
    const results = run({
      patient: { birthDate: "1955-01-01", sexForClinicalUse: "female" },
      documents: [{ id: "d1", category: "imaging", serviceDate: "2024-09-01", filename: "dxa_scan.pdf" }],
    });
    expect(results.get("osteoporosis-dxa")).toMatchObject({ status: "complete", nextDue: "2026-09-01" });
  });
});
