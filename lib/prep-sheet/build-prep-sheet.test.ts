import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { screeningStatuses } from "@/lib/screening";
import { buildPrepSheet, type BuildPrepSheetInput } from "./build-prep-sheet";
import { buildCondition, buildEncounter, buildImmunization, buildObservation, buildPrepInput, buildScreening, concept } from "./build-test-prep-input";
import { hashPrepSheetContent } from "./hash-prep-sheet-content";
import { prepSheetSchema } from "./prep-sheet-model";
import { renderPrepSheetText } from "./render-prep-sheet-text";

describe("buildPrepSheet", () => {
  it("builds every section from plain inputs and matches its schema", () => {
    const sheet = buildPrepSheet(buildPrepInput({
      clinicSettings: { measures: [{ measureId: "CMS130", title: "Colorectal cancer screening", screeningKey: "colorectal" }] },
    }));
    expect(prepSheetSchema.parse(sheet)).toEqual(sheet);
    expect(JSON.parse(JSON.stringify(sheet))).toEqual(sheet);
    expect(sheet.header).toMatchObject({ patientName: "Zoë Ann Testpatient", ageYears: 65, mrn: null });
    expect(sheet.screenings.map((s) => s.status)).toEqual(["due", "complete"]);
    expect(sheet.measures.rows).toMatchObject([{ measureId: "CMS130", status: "gap" }]);
    expect(sheet.labs).toHaveLength(1);
    expect(sheet.imaging).toHaveLength(1);
    expect(sheet.conditions).toHaveLength(1);
    expect(sheet.checklist).toHaveLength(6);
    expect(sheet.notices).toEqual([]);
  });

  it("notes fallbacks, undated documents and a bad time zone instead of failing", () => {
    const sheet = buildPrepSheet(buildPrepInput({
      clinic: { name: "R", timeZone: "Mars/Olympus_Mons" },
      encounters: [],
      clinicSettings: { windows: { labs: { kind: "since_last_visit" } } },
      documents: [{ id: "u", category: "consult", serviceDate: null, title: "Letter", filename: null }],
    }));
    expect(sheet.timeZone).toBe("UTC");
    expect(sheet.notices).toEqual([
      'Clinic time zone "Mars/Olympus_Mons" is not recognised; times are shown in UTC.',
      "Labs: no prior visit found, last 6 months (since 2025-09-03)",
      "1 imaging, consult or hospital document(s) have no service date and are not listed.",
    ]);
  });

  it("rejects a malformed asOf: a programming error, not data", () => {
    expect(() => buildPrepSheet(buildPrepInput({ asOf: "03/03/2026" }))).toThrow(RangeError);
  });

  it("hashes content, not generation time or id", () => {
    const a = buildPrepSheet(buildPrepInput());
    const b = buildPrepSheet(buildPrepInput({ prepSheetId: "other", generatedAt: "2026-03-03T05:00:00Z" }));
    const c = buildPrepSheet(buildPrepInput({ observations: [] }));
    expect(hashPrepSheetContent(a)).toBe(hashPrepSheetContent(b));
    expect(hashPrepSheetContent(a)).not.toBe(hashPrepSheetContent(c));
    // jsonb gives keys back in its own order; the hash must not care.
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = reverseKeys(a) as typeof a;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(a));
    expect(hashPrepSheetContent(reordered)).toBe(hashPrepSheetContent(a));
  });
});

// Dates of every shape the mappers can hand over, including junk that must be skipped, not thrown on.
const dateLike = fc.oneof(
  fc.constant(null), fc.constantFrom("2026-01-10", "2025-02-28", "2025", "2025-06", "2026-03-03T04:59:00Z", "2026-03-03T05:00:00Z", "not a date", ""),
  fc.date({ min: new Date("2015-01-01"), max: new Date("2027-01-01"), noInvalidDate: true }).map((d) => d.toISOString()),
);
const text = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom("Zoë", "Ünïcödé ≥ 5 µg", "日本語", "a\u0000b", "   "));
const id = fc.constantFrom("a", "b", "c", "d", "e", "f");
const status = fc.constantFrom(...screeningStatuses);

const observation = fc.record({ ehrId: id, effective: dateLike, status: fc.constantFrom("final", "amended", "cancelled", null), name: text, value: fc.option(fc.double({ noNaN: true }), { nil: null }), abnormal: fc.option(fc.boolean(), { nil: null }) })
  .map((o) => buildObservation({
    ehrId: o.ehrId, effective: o.effective, status: o.status, code: concept(o.name),
    value: { kind: "quantity", value: o.value, unit: "%", code: null, comparator: null }, interpretation: { concepts: [], abnormal: o.abnormal },
  }));
const screening = fc.record({ key: id, name: text, status, nextDue: dateLike, superseded: fc.boolean() })
  .map((s) => buildScreening({ screeningTypeKey: s.key, name: s.name, status: s.status, nextDue: s.nextDue, selection: s.superseded ? "superseded" : "standalone", family: { id: "fam", rank: 1 } }));
const document = fc.record({ id, category: fc.constantFrom("lab", "imaging", "consult", "hospital", "other" as const), serviceDate: fc.constantFrom(null, "2025-06-01", "2026-01-01", "2010-01-01"), title: fc.option(text, { nil: null }) })
  .map((d) => ({ ...d, filename: null }));
const encounter = fc.record({ ehrId: id, classCode: fc.constantFrom("AMB", "IMP", "EMER", null), status: fc.constantFrom("finished", "cancelled", null), periodStart: dateLike })
  .map((e) => buildEncounter(e));

const inputs = fc.record({
  observations: fc.array(observation, { maxLength: 8 }),
  screenings: fc.array(screening, { maxLength: 8 }),
  documents: fc.array(document, { maxLength: 8 }),
  encounters: fc.array(encounter, { maxLength: 6 }),
  conditions: fc.array(fc.record({ ehrId: id, name: text, clinicalStatus: fc.constantFrom("active", "resolved", null), onset: dateLike }).map((c) => buildCondition({ ehrId: c.ehrId, code: concept(c.name), clinicalStatus: c.clinicalStatus, onset: c.onset })), { maxLength: 6 }),
  immunizations: fc.array(fc.record({ ehrId: id, occurrence: dateLike }).map((i) => buildImmunization(i)), { maxLength: 6 }),
  timeZone: fc.constantFrom("America/New_York", "Pacific/Kiritimati", "UTC", "Asia/Kolkata", "Not/AZone"),
  birthDate: dateLike,
  asOf: fc.constantFrom("2026-03-03", "2024-02-29", "2026-12-31"),
});

const shuffle = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
const listKeys = ["observations", "screenings", "documents", "encounters", "conditions", "immunizations"] as const;

type Generated = typeof inputs extends fc.Arbitrary<infer T> ? T : never;

function toInput(generated: Generated): BuildPrepSheetInput {
  const base = buildPrepInput();
  return {
    ...base, ...generated, asOf: generated.asOf, clinic: { name: "Clinic", timeZone: generated.timeZone },
    patient: { ...base.patient, birthDate: generated.birthDate },
    clinicSettings: { immunizationKeys: ["a"], measures: [{ measureId: "M1", title: "Measure", screeningKey: "fam" }], windows: { labs: { kind: "since_last_visit" } } },
  };
}

describe("buildPrepSheet properties", () => {
  it("never throws, always matches the schema, and ignores input order", () => {
    const withShuffles = inputs.chain((generated) =>
      fc.tuple(fc.constant(generated), ...listKeys.map((key) => shuffle(generated[key] as readonly unknown[]))));
    fc.assert(fc.property(withShuffles, ([generated, ...shuffled]) => {
      const sheet = buildPrepSheet(toInput(generated));
      prepSheetSchema.parse(sheet);
      const reordered = { ...generated } as Record<string, unknown>;
      listKeys.forEach((key, i) => (reordered[key] = shuffled[i]));
      expect(buildPrepSheet(toInput(reordered as typeof generated))).toEqual(sheet);
      for (const line of renderPrepSheetText(sheet).split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    }), { numRuns: 300 });
  });
});
