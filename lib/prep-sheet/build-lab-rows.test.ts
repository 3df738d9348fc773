import { describe, expect, it } from "vitest";
import type { Interpretation, ObservationValue, ReferenceRange } from "@/lib/fhir/to-domain/types";
import { buildLabRows, decideLabFlag, formatReferenceRange } from "./build-lab-rows";
import { buildObservation, concept } from "./build-test-prep-input";

const q = (value: number, unit: string | null = "mg/dL", comparator: string | null = null): ObservationValue => ({ kind: "quantity", value, unit, code: null, comparator });
const bound = (value: number, unit: string | null = "mg/dL") => ({ value, unit, code: null, comparator: null });
const range = (low: number | null, high: number | null, unit: string | null = "mg/dL"): ReferenceRange => ({ low: low === null ? null : bound(low, unit), high: high === null ? null : bound(high, unit), text: null });
const interp = (code: string | null, abnormal: boolean | null = null): Interpretation => ({
  concepts: code ? [{ text: null, codings: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", code, display: null, kind: "other" }] }] : [],
  abnormal,
});

describe("abnormal flags", () => {
  it.each([
    { name: "reported H", value: q(150), i: interp("H", true), r: range(70, 99), flag: "high", source: "reported" },
    { name: "reported L", value: q(50), i: interp("L", true), r: range(70, 99), flag: "low", source: "reported" },
    { name: "reported HH is critical", value: q(600), i: interp("HH", true), r: range(70, 99), flag: "critical", source: "reported" },
    { name: "reported N wins over the range", value: q(150), i: interp("N", false), r: range(70, 99), flag: "normal", source: "reported" },
    { name: "reported A (e.g. positive culture)", value: { kind: "string", text: "Positive" } as ObservationValue, i: interp("A", true), r: undefined, flag: "abnormal", source: "reported" },
    { name: "abnormal text without code", value: q(1), i: { concepts: [], abnormal: true }, r: undefined, flag: "abnormal", source: "reported" },
    { name: "computed high", value: q(120), i: interp(null), r: range(70, 99), flag: "high", source: "computed" },
    { name: "computed low", value: q(60), i: interp(null), r: range(70, 99), flag: "low", source: "computed" },
    { name: "computed normal at the bound", value: q(99), i: interp(null), r: range(70, 99), flag: "normal", source: "computed" },
    { name: "high-only range", value: q(250), i: interp(null), r: range(null, 200), flag: "high", source: "computed" },
    { name: "unit mismatch: no guess", value: q(7, "mmol/L"), i: interp(null), r: range(70, 99, "mg/dL"), flag: null, source: null },
    { name: "comparator value: no guess", value: q(5, "mg/dL", "<"), i: interp(null), r: range(70, 99), flag: null, source: null },
    { name: "no range", value: q(5), i: interp(null), r: undefined, flag: null, source: null },
    { name: "text range only", value: q(5), i: interp(null), r: { low: null, high: null, text: "negative" }, flag: null, source: null },
  ])("$name → $flag", ({ value, i, r, flag, source }) => {
    expect(decideLabFlag(value, i, r)).toEqual({ flag, flagSource: source });
  });
});

describe("reference ranges", () => {
  it.each([
    [range(70, 99), "70-99"],
    [range(null, 200), "<=200"],
    [range(40, null), ">=40"],
    [{ low: null, high: null, text: " negative " }, "negative"],
    [undefined, null],
  ] as const)("%j → %s", (r, expected) => expect(formatReferenceRange(r)).toBe(expected));
});

describe("buildLabRows", () => {
  const tz = "America/New_York";
  it("keeps lab results in the window, newest first, with values and units", () => {
    const rows = buildLabRows([
      buildObservation({ ehrId: "old", effective: "2024-01-01" }),
      buildObservation({ ehrId: "b", effective: "2026-01-10", code: concept("LDL cholesterol"), value: q(130), referenceRanges: [range(null, 100)] }),
      buildObservation({ ehrId: "a", effective: "2026-02-01T02:00:00Z" }), // evening of 31 Jan in New York
      buildObservation({ ehrId: "vital", categories: ["vital-signs"] }),
      buildObservation({ ehrId: "err", status: "entered-in-error" }),
      buildObservation({ ehrId: "undated", effective: null, issued: null }),
    ], "2025-03-03", tz);
    expect(rows.map((r) => [r.ehrId, r.date, r.name, r.value, r.unit, r.referenceRange, r.flag])).toEqual([
      ["a", "2026-01-31", "Hemoglobin A1c", "6.1", "%", "4-5.6", "high"],
      ["b", "2026-01-10", "LDL cholesterol", "130", "mg/dL", "<=100", "high"],
    ]);
  });

  it("splits component panels and describes missing values", () => {
    const rows = buildLabRows([
      buildObservation({
        ehrId: "panel", code: concept("Urinalysis"), value: null, referenceRanges: [],
        components: [
          { code: concept("pH"), value: { kind: "quantity", value: 6, unit: null, code: null, comparator: null }, interpretation: interp(null) },
          { code: concept("Protein"), value: { kind: "concept", concept: concept("Trace") }, interpretation: interp("A", true) },
        ],
      }),
      buildObservation({ ehrId: "absent", code: concept("Potassium"), value: null, dataAbsentReason: "error" }),
    ], "2025-03-03", tz);
    expect(rows.map((r) => [r.name, r.value, r.flag])).toEqual([
      ["Potassium", "(no value: error)", null],
      ["Urinalysis: pH", "6", null],
      ["Urinalysis: Protein", "Trace", "abnormal"],
    ]);
  });

  it("sorts the same whatever the input order", () => {
    const observations = Array.from({ length: 12 }, (_, i) => buildObservation({ ehrId: `o${i}`, effective: `2026-01-0${1 + (i % 3)}`, code: concept(`Test ${i % 4}`) }));
    const forward = buildLabRows(observations, "2025-01-01", tz);
    expect(buildLabRows([...observations].reverse(), "2025-01-01", tz)).toEqual(forward);
    expect(forward.map((r) => r.date)).toEqual([...forward.map((r) => r.date)].sort().reverse());
  });
});
