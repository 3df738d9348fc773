import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evidenceIdOf } from "./apply-review-decisions";
import { evaluateScreening } from "./evaluate-screening";
import { evaluateScreenings } from "./evaluate-screenings";
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
});
