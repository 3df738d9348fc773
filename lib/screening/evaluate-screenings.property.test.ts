import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { evaluateScreenings } from "./evaluate-screenings";
import { documentCategories, type PatientFacts } from "./patient-facts";
import { uspstfAdultPrimaryCarePreset } from "./presets/uspstf-adult-primary-care";
import { screeningPresetSchema } from "./screening-type";
import { screeningStatuses, type ScreeningResult } from "./screening-result";

const types = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;

// Dates mix valid, partial, impossible and junk values: evaluation must cope with all of them.
const date = fc.oneof(
  fc.constant(null),
  fc.date({ min: new Date("1900-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2015", "2019-06", "2024-02-29", "2023-02-29", "2025-13-01", "", "unknown"),
  fc.string({ maxLength: 12 }),
);
const coding = fc.record({
  system: fc.constantFrom("http://loinc.org", "http://snomed.info/sct", "http://www.ama-assn.org/go/cpt", "http://hl7.org/fhir/sid/cvx", "http://hl7.org/fhir/sid/icd-10-cm", "HCPCS", "urn:local"),
  code: fc.oneof(fc.constantFrom("4548-4", "45378", "82274", "81528", "77067", "10524-7", "30167-1", "197", "115", "Z87.891", "E11.9", "Z90.710", "44150", "72166-2", "39156-5", "8517006"), fc.string({ maxLength: 8 })),
  display: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
});
const text = fc.oneof(
  fc.constantFrom("Colonoscopy normal.", "Patient declined mammogram.", "dxa_scan.pdf", "Recommend FIT test", "HbA1c 6.1", "history of total hysterectomy", "Former smoker", "Obesity", "no prior colonoscopy but Cologuard done"),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);
const id = fc.string({ minLength: 1, maxLength: 6 });
const codes = fc.array(coding, { maxLength: 3 });

const facts: fc.Arbitrary<PatientFacts> = fc.record({
  patient: fc.record({ birthDate: date.map((d) => d ?? "1960-01-01"), sexForClinicalUse: fc.constantFrom("female", "male", "unknown", "other") }),
  conditions: fc.array(fc.record({
    id, codes, text: fc.option(text, { nil: null }), onset: date, abatement: date,
    clinicalStatus: fc.constantFrom("active", "recurrence", "relapse", "inactive", "remission", "resolved", "unknown"),
    verificationStatus: fc.constantFrom("confirmed", "provisional", "differential", "unconfirmed", "refuted", "entered-in-error"),
  }), { maxLength: 4 }),
  procedures: fc.array(fc.record({
    id, codes, text: fc.option(text, { nil: null }), performed: date,
    status: fc.constantFrom("preparation", "in-progress", "not-done", "on-hold", "stopped", "completed", "entered-in-error", "unknown"),
  }), { maxLength: 4 }),
  observations: fc.array(fc.record({
    id, codes, text: fc.option(text, { nil: null }), effective: date, valueCodes: codes,
    valueNumber: fc.option(fc.double({ noNaN: false }), { nil: null }),
    status: fc.constantFrom("registered", "preliminary", "final", "amended", "corrected", "cancelled", "entered-in-error", "unknown"),
  }), { maxLength: 4 }),
  diagnosticReports: fc.array(fc.record({
    id, codes, text: fc.option(text, { nil: null }), effective: date,
    status: fc.constantFrom("partial", "final", "appended", "cancelled", "unknown"),
  }), { maxLength: 2 }),
  immunizations: fc.array(fc.record({
    id, codes, text: fc.option(text, { nil: null }), occurrence: date, status: fc.constantFrom("completed", "entered-in-error", "not-done"),
  }), { maxLength: 3 }),
  documents: fc.array(fc.record({
    id, category: fc.constantFrom(...documentCategories), serviceDate: date,
    dateSource: fc.constantFrom(null, "ehr_service", "ehr_document", "extracted_text", "manual", "received"),
    title: fc.option(text, { nil: null }), filename: fc.option(text, { nil: null }), text,
    confidence: fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }),
    // Page spans need not match the text: the engine must cope with any (overlapping, past the end).
    ocrPages: fc.array(fc.record({
      page: fc.integer({ min: 1, max: 5 }), start: fc.nat(200), end: fc.nat(200), confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    }), { maxLength: 3 }),
  }), { maxLength: 4 }),
}) as fc.Arbitrary<PatientFacts>;

const asOf = fc.date({ min: new Date("1990-01-01"), max: new Date("2035-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

function rotate<T>(items: readonly T[], by: number): T[] {
  if (items.length === 0) return [];
  const k = by % items.length;
  return [...items.slice(k), ...items.slice(0, k)].reverse();
}

describe("evaluateScreenings properties", () => {
  test("never throws on arbitrary facts and always returns a known status per type", () => {
    fc.assert(
      fc.property(facts, asOf, (f, day) => {
        const results = evaluateScreenings(f, types, { asOf: day });
        expect(results).toHaveLength(types.length);
        for (const r of results) {
          expect(screeningStatuses).toContain(r.status);
          if (r.status === "complete") expect(r.lastCompleted).not.toBeNull();
          if (r.lastCompleted !== null) expect(r.lastCompleted <= day).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("reordering types and facts never changes the results", () => {
    fc.assert(
      fc.property(facts, asOf, fc.nat(20), (f, day, k) => {
        const shuffled: PatientFacts = {
          patient: f.patient,
          conditions: rotate(f.conditions, k),
          procedures: rotate(f.procedures, k + 1),
          observations: rotate(f.observations, k + 2),
          diagnosticReports: rotate(f.diagnosticReports, k),
          immunizations: rotate(f.immunizations, k + 3),
          documents: rotate(f.documents, k + 1),
        };
        const a = evaluateScreenings(f, types, { asOf: day });
        const b = evaluateScreenings(shuffled, rotate(types, k), { asOf: day });
        expect(b).toEqual(a);
      }),
      { numRuns: 200 },
    );
  });
});

const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const open = new Set(["due_soon", "due", "overdue"]);

/** The status rules, checked on any result: never done is due with no dates; windows from nextDue. */
function checkStatusRules(r: ScreeningResult, asOf: string, timing = { dueSoonDays: 30, overdueAfterDays: 90 }) {
  if (r.lastCompleted === null) {
    expect(r.status).not.toBe("overdue");
    expect(r.provisionalStatus).not.toBe("overdue");
    expect([r.nextDue, r.dueSoonFrom, r.overdueFrom]).toEqual([null, null, null]);
    if (open.has(r.provisionalStatus)) {
      expect(r.provisionalStatus).toBe("due");
      expect(r.reasons).toContain("No record found.");
    }
    return;
  }
  expect(r.reasons).not.toContain("No record found.");
  if (r.nextDue === null || (!open.has(r.provisionalStatus) && r.provisionalStatus !== "complete")) return;
  const [last, due, today] = [dayOf(r.lastCompleted), dayOf(r.nextDue), dayOf(asOf)];
  expect(due).toBeGreaterThan(last);
  expect(r.dueSoonFrom && dayOf(r.dueSoonFrom)).toBe(due - timing.dueSoonDays);
  expect(r.overdueFrom && dayOf(r.overdueFrom)).toBe(due + timing.overdueAfterDays);
  const expected = today < due - timing.dueSoonDays ? "complete" : today < due ? "due_soon" : today < due + timing.overdueAfterDays ? "due" : "overdue";
  expect(r.provisionalStatus).toBe(expected);
}

describe("status rules", () => {
  test("on arbitrary facts: never done is due with no record and no dates; overdue only after a lapsed completion", () => {
    fc.assert(
      fc.property(facts, asOf, (f, day) => {
        for (const r of evaluateScreenings(f, types, { asOf: day })) {
          if (r.status === "not_eligible" || r.status === "excluded") continue;
          const type = types.find((t) => t.key === r.screeningTypeKey);
          const timing = { dueSoonDays: type?.timing.dueSoonDays ?? 30, overdueAfterDays: type?.timing.overdueAfterDays ?? 90 };
          checkStatusRules(r, day, timing);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("one colonoscopy at any distance before asOf lands in the window its dates say", () => {
    const colonoscopy = types.find((t) => t.key === "colorectal-colonoscopy");
    if (!colonoscopy) throw new Error("preset has no colorectal-colonoscopy");
    let dueSoon = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 * 366 }), fc.integer({ min: dayOf("2015-01-01"), max: dayOf("2030-12-31") }), (ago, today) => {
        const day = new Date(today * 86_400_000).toISOString().slice(0, 10);
        const performed = new Date((today - ago) * 86_400_000).toISOString().slice(0, 10);
        const f: PatientFacts = {
          patient: { birthDate: "1965-01-01", sexForClinicalUse: "male" }, conditions: [], observations: [], diagnosticReports: [], immunizations: [], documents: [],
          procedures: [{ id: "p1", codes: [{ system: "http://www.ama-assn.org/go/cpt", code: "45378", display: null }], text: null, performed, status: "completed" }],
        };
        const r = evaluateScreenings(f, [colonoscopy], { asOf: day })[0];
        if (!r || r.status === "not_eligible") return;
        expect(r.lastCompleted).toBe(performed);
        checkStatusRules(r, day, { dueSoonDays: colonoscopy.timing.dueSoonDays ?? 30, overdueAfterDays: colonoscopy.timing.overdueAfterDays ?? 90 });
        if (r.status === "due_soon") dueSoon++;
      }),
      { numRuns: 2000 },
    );
    // The windows are narrow; make sure the run reached them rather than passing vacuously.
    expect(dueSoon).toBeGreaterThan(0);
  });
});
