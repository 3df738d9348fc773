import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evidenceIdOf } from "./apply-review-decisions";
import { evaluateScreening } from "./evaluate-screening";
import { evaluateScreenings } from "./evaluate-screenings";
import { codingMemoLimit } from "./index-patient-facts";
import { documentCategories, type PatientFacts } from "./patient-facts";
import { uspstfAdultPrimaryCarePreset } from "./presets/uspstf-adult-primary-care";
import { evaluateScreening as referenceEvaluateScreening } from "./reference/evaluate-screening";
import { evaluateScreenings as referenceEvaluateScreenings } from "./reference/evaluate-screenings";
import { screeningPresetSchema, type ScreeningType } from "./screening-type";

// The indexed, once-per-call engine must answer exactly as the straightforward per-type reference.
const presetTypes = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;
// Clinic variants share evidence with the preset, so one text feeds several types at once.
const variants: ScreeningType[] = presetTypes.slice(0, 6).map((t) => ({ ...t, key: `${t.key}-clinic`, family: t.family && { ...t.family, rank: t.family.rank + 1 } }));
const types = [...presetTypes, ...variants];

const date = fc.oneof(
  fc.constant(null),
  fc.date({ min: new Date("1940-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2015", "2019-06", "2024-02-29", "2023-02-29", "", "unknown"),
);
const presetCodes = [...new Set(presetTypes.flatMap((t) => [t.evidence.codes, t.exclusions.codes, t.eligibility.triggers?.codes].flatMap((set) =>
  set ? Object.entries(set).flatMap(([system, codes]) => codes.map((code) => ({ system, code }))) : [])))];
const coding = fc.oneof(
  fc.constantFrom(...presetCodes).chain(({ system, code }) => fc.record({
    system: fc.constantFrom(system, system.toLowerCase(), system === "CPT" ? "HCPCS" : system, system === "ICD10CM" ? "http://hl7.org/fhir/sid/icd-10-cm" : system),
    code: fc.constantFrom(code, ` ${code.toLowerCase()} `, `${code}9`, code.replace(".", ""), code === "09" ? "9" : code),
    display: fc.option(fc.constantFrom("Colonoscopy", "Mammogram", "Hospice care", "Obesity", ""), { nil: null }),
  })),
  fc.record({
    system: fc.constantFrom("http://loinc.org", "urn:local", "SNOMED", "cvx"),
    code: fc.oneof(fc.constantFrom(".", "", "  ", "72166-2", "39156-5"), fc.string({ maxLength: 6 })),
    display: fc.option(fc.string({ maxLength: 12 }), { nil: null }),
  }),
);
const phrases = [...new Set(presetTypes.flatMap((t) => [
  ...t.evidence.keywords.flatMap((k) => [k.term, ...k.synonyms, ...k.blockers]), ...t.exclusions.phrases, ...(t.eligibility.triggers?.synonyms ?? []),
]))];
const cueWords = ["declined", "no", "history of", "family history of", "scheduled", "recommend", "but", "not performed", "s/p", "had a", "due"];
const sentence = fc.tuple(fc.option(fc.constantFrom(...cueWords), { nil: null }), fc.constantFrom(...phrases), fc.option(fc.constantFrom(...cueWords), { nil: null }), fc.constantFrom(". ", "; ", "\n", " and ", ", ", "_"))
  .map(([pre, phrase, post, end]) => `${pre ?? ""} ${phrase} ${post ?? ""}${end}`);
const text = fc.oneof(fc.array(sentence, { maxLength: 5 }).map((parts) => parts.join("")), fc.string({ maxLength: 40 }), fc.string({ unit: "grapheme", maxLength: 20 }));
const id = fc.constantFrom("a", "b", "c", "d", "e");
const codes = fc.array(coding, { maxLength: 3 });

const facts = fc.record({
  patient: fc.record({
    birthDate: fc.date({ min: new Date("1930-01-01"), max: new Date("2010-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    sexForClinicalUse: fc.constantFrom("female", "male", "unknown", "other"),
  }),
  conditions: fc.array(fc.record({
    id, codes, text: fc.option(text, { nil: null }), onset: date, abatement: date,
    clinicalStatus: fc.constantFrom("active", "recurrence", "inactive", "resolved", "unknown"),
    verificationStatus: fc.constantFrom("confirmed", "provisional", "refuted", "entered-in-error"),
  }), { maxLength: 4 }),
  procedures: fc.array(fc.record({
    id, codes, text: fc.option(text, { nil: null }), performed: date, status: fc.constantFrom("completed", "not-done", "in-progress"),
  }), { maxLength: 4 }),
  observations: fc.array(fc.record({
    id, codes, text: fc.option(text, { nil: null }), effective: date, valueCodes: codes,
    valueNumber: fc.option(fc.double({ min: 10, max: 50, noNaN: true }), { nil: null }),
    status: fc.constantFrom("final", "amended", "preliminary", "cancelled"),
  }), { maxLength: 5 }),
  diagnosticReports: fc.array(fc.record({
    id, codes, text: fc.option(text, { nil: null }), effective: date, status: fc.constantFrom("final", "appended", "partial"),
  }), { maxLength: 2 }),
  immunizations: fc.array(fc.record({
    id, codes, text: fc.option(text, { nil: null }), occurrence: date, status: fc.constantFrom("completed", "not-done"),
  }), { maxLength: 3 }),
  documents: fc.array(fc.record({
    id, category: fc.constantFrom(...documentCategories), serviceDate: fc.option(fc.date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
    dateSource: fc.constantFrom(null, "ehr_service", "received"),
    title: fc.option(text, { nil: null }), filename: fc.option(text, { nil: null }), text,
    confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
  }), { maxLength: 4 }),
}) as fc.Arbitrary<PatientFacts>;

const asOf = fc.date({ min: new Date("2015-01-01"), max: new Date("2030-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const clinicSettings = fc.option(fc.record({ minDocumentConfidence: fc.double({ min: 0, max: 1, noNaN: true }), dueSoonDays: fc.nat(60) }), { nil: undefined });

// Decisions aimed at evidence the engine actually reports, so most of them change something.
const picks = fc.array(fc.record({
  n: fc.nat(),
  decision: fc.constantFrom("dismissed" as const, "confirmed" as const),
  confirmedDate: fc.option(fc.constantFrom("2010-05-05", "2020-02-29", "2024-12-31", "2031-01-01"), { nil: null }),
}), { maxLength: 8 });

describe("optimised engine equals the reference engine", () => {
  test("evaluateScreenings with clinicians' review decisions", () => {
    fc.assert(
      fc.property(facts, asOf, picks, (f, day, chosen) => {
        const targets = referenceEvaluateScreenings(f, types, { asOf: day })
          .flatMap((r) => r.evidence.map((item) => ({ screeningTypeKey: r.screeningTypeKey, evidenceId: evidenceIdOf(item) })));
        const decisions = targets.length === 0 ? [] : chosen.map(({ n, ...rest }) => ({ ...targets[n % targets.length]!, ...rest }));
        const options = { asOf: day, reviews: decisions };
        expect(evaluateScreenings(f, types, options)).toEqual(referenceEvaluateScreenings(f, types, options));
      }),
      { numRuns: 400 },
    );
  });

  test("evaluateScreenings on random facts", () => {
    fc.assert(
      fc.property(facts, asOf, clinicSettings, (f, day, settings) => {
        const options = { asOf: day, clinicSettings: settings };
        expect(evaluateScreenings(f, types, options)).toEqual(referenceEvaluateScreenings(f, types, options));
      }),
      { numRuns: 400 },
    );
  });

  test("evaluateScreening per type on random facts", () => {
    fc.assert(
      fc.property(facts, asOf, fc.constantFrom(...types), (f, day, type) => {
        expect(evaluateScreening(f, type, { asOf: day })).toEqual(referenceEvaluateScreening(f, type, { asOf: day }));
      }),
      { numRuns: 300 },
    );
  });

  test("types sharing a key and version keep the reference's order", () => {
    const [first, second] = presetTypes;
    if (!first || !second) throw new Error("preset is empty");
    // Same key and version, different content: one standalone, one in a family.
    const twins = [...types, { ...first, name: "Twin", family: null }, { ...second, key: first.key, version: first.version }];
    fc.assert(
      fc.property(facts, asOf, (f, day) => {
        expect(evaluateScreenings(f, twins, { asOf: day })).toEqual(referenceEvaluateScreenings(f, twins, { asOf: day }));
      }),
      { numRuns: 100 },
    );
  });
});

describe("the coding memo on a compiled type list", () => {
  // The memo keeps each raw (system, code) pair's normalised form and matching code sets across
  // patients; displays stay per coding, and starting over at the limit must not change any answer.
  const colonoscopy = { system: "http://www.ama-assn.org/go/cpt", code: "45378" };
  const patient = (display: string | null): PatientFacts => ({
    patient: { birthDate: "1960-01-01", sexForClinicalUse: "female" },
    conditions: [], observations: [], diagnosticReports: [], immunizations: [], documents: [],
    procedures: [{ id: "p1", codes: [{ ...colonoscopy, display }], text: null, performed: "2020-05-01", status: "completed" }],
  });

  test("a memoised code still reports each patient's own display", () => {
    const options = { asOf: "2025-06-30" };
    for (const display of ["Colonoscopy", "Colonoscopy, diagnostic", null]) {
      expect(evaluateScreenings(patient(display), types, options)).toEqual(referenceEvaluateScreenings(patient(display), types, options));
    }
    const codes = evaluateScreenings(patient("Colonoscopy, diagnostic"), types, options)
      .flatMap((r) => r.evidence.map((e) => e.code?.display)).filter(Boolean);
    expect(codes).toContain("Colonoscopy, diagnostic");
    expect(codes).not.toContain("Colonoscopy");
  });

  test("answers are unchanged after the memo fills up and starts over", () => {
    const options = { asOf: "2025-06-30" };
    const before = evaluateScreenings(patient("Colonoscopy"), types, options);
    const flood: PatientFacts = {
      ...patient(null),
      observations: Array.from({ length: codingMemoLimit + 10 }, (_, i) => ({
        id: `o${i}`, codes: [{ system: "http://loinc.org", code: `X-${i}` }], text: null, status: "final" as const,
        effective: "2024-01-01", valueCodes: [], valueNumber: null,
      })),
    };
    evaluateScreenings(flood, types, options);
    const after = evaluateScreenings(patient("Colonoscopy"), types, options);
    expect(after).toEqual(before);
    expect(after).toEqual(referenceEvaluateScreenings(patient("Colonoscopy"), types, options));
  });
});
