import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { evaluateScreenings } from "./evaluate-screenings";
import { parseGoldenInputs, runGoldenCase } from "./fixtures/run-golden-case";
import { codingMemoLimit } from "./index-patient-facts";
import type { PatientFacts } from "./patient-facts";
import { screeningStatuses, type SelectedScreeningResult } from "./screening-result";

/**
 * The engine's answers on recorded generated cases (drawn with fast-check: junk and partial dates,
 * codes in odd spellings, cue words around preset phrases, clinicians' decisions, clinic settings,
 * twin types). These replaced the equivalence test against a second copy of the engine: the first
 * recording equalled that copy's answers; since then every rule change re-records them with
 * scripts/record-screening-golden.ts and the diff is reviewed. An optimisation must leave them as is.
 */
const fixtures = path.join(import.meta.dirname, "fixtures");
const inputs = parseGoldenInputs(readFileSync(path.join(fixtures, "evaluate-screenings.inputs.json"), "utf8"));
const expected = JSON.parse(readFileSync(path.join(fixtures, "evaluate-screenings.expected.json"), "utf8")) as unknown[];

describe("recorded engine answers", () => {
  test("the recording covers every case kind and every status but due soon", () => {
    expect(expected).toHaveLength(inputs.cases.length);
    expect(new Set(inputs.cases.map((c) => c.kind))).toEqual(new Set(["reviews", "settings", "single", "twins"]));
    const seen = new Set(expected.flatMap((e) => (Array.isArray(e) ? e : [e]) as SelectedScreeningResult[]).map((r) => r.status));
    // Random dates rarely land in a 30-day window; the property tests place evidence there on purpose.
    expect([...seen].sort()).toEqual(screeningStatuses.filter((s) => s !== "due_soon").sort());
  });

  test.each(["reviews", "settings", "single", "twins"] as const)("%s cases give the recorded answers", (kind) => {
    inputs.cases.forEach((c, i) => {
      if (c.kind !== kind) return;
      // Through JSON, as recorded: undefined keys dropped, so only real differences fail.
      const actual = JSON.parse(JSON.stringify(runGoldenCase(inputs, c))) as unknown;
      expect(actual, `case ${i} (${kind}); re-record with scripts/record-screening-golden.ts only for a reviewed rule change`).toEqual(expected[i]);
    });
  });
});

describe("the coding memo on a compiled type list", () => {
  // The memo keeps each raw (system, code) pair's normalised form and matching code sets across
  // patients; displays stay per coding, and starting over at the limit must not change any answer.
  const { types } = inputs;
  const colonoscopy = { system: "http://www.ama-assn.org/go/cpt", code: "45378" };
  const patient = (display: string | null): PatientFacts => ({
    patient: { birthDate: "1960-01-01", sexForClinicalUse: "female" },
    conditions: [], observations: [], diagnosticReports: [], immunizations: [], documents: [],
    procedures: [{ id: "p1", codes: [{ ...colonoscopy, display }], text: null, performed: "2020-05-01", status: "completed" }],
  });
  const options = { asOf: "2025-06-30" };

  test("a memoised code still reports each patient's own display, and answers as a fresh type list does", () => {
    for (const display of ["Colonoscopy", "Colonoscopy, diagnostic", null]) {
      // A new array of new type objects compiles afresh, with an empty memo.
      expect(evaluateScreenings(patient(display), types, options)).toEqual(evaluateScreenings(patient(display), types.map((t) => ({ ...t })), options));
    }
    const codes = evaluateScreenings(patient("Colonoscopy, diagnostic"), types, options)
      .flatMap((r) => r.evidence.map((e) => e.code?.display)).filter(Boolean);
    expect(codes).toContain("Colonoscopy, diagnostic");
    expect(codes).not.toContain("Colonoscopy");
  });

  test("answers are unchanged after the memo fills up and starts over", () => {
    const before = evaluateScreenings(patient("Colonoscopy"), types, options);
    expect(before.some((r) => r.lastCompleted === "2020-05-01")).toBe(true);
    const flood: PatientFacts = {
      ...patient(null),
      observations: Array.from({ length: codingMemoLimit + 10 }, (_, i) => ({
        id: `o${i}`, codes: [{ system: "http://loinc.org", code: `X-${i}` }], text: null, status: "final" as const,
        effective: "2024-01-01", valueCodes: [], valueNumber: null,
      })),
    };
    evaluateScreenings(flood, types, options);
    expect(evaluateScreenings(patient("Colonoscopy"), types, options)).toEqual(before);
  });
});
