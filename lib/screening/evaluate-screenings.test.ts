import { describe, expect, test } from "vitest";
import { buildFacts, cpt, loinc, type LooseFactsInput } from "./build-test-facts";
import { evaluateScreenings } from "./evaluate-screenings";
import { colorectalScreenings, otherCancerScreenings } from "./presets/uspstf-cancer-screenings";
import { screeningTypeSchema } from "./screening-type";

const colorectal = colorectalScreenings.map((t) => screeningTypeSchema.parse(t));
const cervical = otherCancerScreenings.filter((t) => t.key.startsWith("cervical")).map((t) => screeningTypeSchema.parse(t));
const patient = { birthDate: "1965-03-01", sexForClinicalUse: "female" as const };
const done = (id: string, code: ReturnType<typeof cpt>, date: string) =>
  ({ id, codes: [code], status: "completed", performed: date });
const primary = (facts: LooseFactsInput, types = colorectal, asOf = "2025-06-01") => {
  const results = evaluateScreenings(buildFacts({ patient, ...facts }), types, { asOf });
  const chosen = results.filter((r) => r.selection === "primary");
  expect(chosen).toHaveLength(1);
  return { chosen: chosen[0], results };
};

describe("colorectal family: latest valid next-due wins", () => {
  test.each([
    ["colonoscopy 2020 beats FIT 2025", [done("p1", cpt("45378"), "2020-03-04"), done("p2", cpt("82274"), "2025-01-15")], "colorectal-colonoscopy", "complete", "2030-03-04"],
    ["FIT last month beats colonoscopy 2014", [done("p1", cpt("45378"), "2014-03-04"), done("p2", cpt("82274"), "2025-05-01")], "colorectal-fit", "complete", "2026-05-01"],
    ["Cologuard 2023 (to 2026) beats FIT 2025-01 (to 2026-01)", [done("p1", cpt("81528"), "2023-03-01"), done("p2", cpt("82274"), "2025-01-01")], "colorectal-sdna-fit", "complete", "2026-03-01"],
    ["FIT 2025-03 (to 2026-03) beats CT colonography 2021 (to 2026-02)", [done("p1", cpt("74263"), "2021-02-01"), done("p2", cpt("82274"), "2025-03-01")], "colorectal-fit", "complete", "2026-03-01"],
    ["old FIT only: FIT wins and is overdue", [done("p2", cpt("82274"), "2022-01-01")], "colorectal-fit", "overdue", "2023-01-01"],
  ])("%s", (_label, procedures, key, status, nextDue) => {
    const { chosen } = primary({ procedures });
    expect(chosen).toMatchObject({ screeningTypeKey: key, status, nextDue });
  });

  test("equal coverage goes to the higher explicit rank", () => {
    // CT colonography and flexible sigmoidoscopy are both 5-yearly: ranks 30 and 25.
    const { chosen } = primary({ procedures: [done("p1", cpt("74263"), "2022-01-01"), done("p2", cpt("45330"), "2022-01-01")] });
    expect(chosen?.screeningTypeKey).toBe("colorectal-ct-colonography");
  });

  test("never screened: highest rank, due with no record found and no next-due date", () => {
    const { chosen } = primary({});
    expect(chosen).toMatchObject({ screeningTypeKey: "colorectal-colonoscopy", status: "due", nextDue: null, lastCompleted: null });
    expect(chosen?.reasons).toContain("No record found.");
  });

  test("an open family shows a variant with evidence to review", () => {
    const documents = [{ id: "d1", category: "lab", serviceDate: null, text: "Cologuard result: negative" }];
    const { chosen } = primary({ procedures: [done("p2", cpt("82274"), "2022-01-01")], documents });
    expect(chosen).toMatchObject({ screeningTypeKey: "colorectal-sdna-fit", status: "needs_review" });
  });

  test("a total colectomy excludes the family", () => {
    const { chosen } = primary({ procedures: [done("p1", cpt("44150"), "2019-01-01")] });
    expect(chosen?.status).toBe("excluded");
  });

  test("too young: one not-eligible row for the family", () => {
    const { chosen, results } = primary({ patient: { ...patient, birthDate: "1990-01-01" } });
    expect(chosen?.status).toBe("not_eligible");
    expect(results.filter((r) => r.selection === "superseded")).toHaveLength(4);
  });

  test("losers are kept, marked superseded, with the winner named", () => {
    const { results } = primary({ procedures: [done("p1", cpt("45378"), "2020-03-04")] });
    const fit = results.find((r) => r.screeningTypeKey === "colorectal-fit");
    expect(fit).toMatchObject({ selection: "superseded", supersededBy: "colorectal-colonoscopy" });
  });
});

describe("cervical family", () => {
  const cytology = (date: string) => ({ id: `o-${date}`, codes: [loinc("10524-7")], status: "final", effective: date });
  const hpv = (date: string) => ({ id: `h-${date}`, codes: [loinc("30167-1")], status: "final", effective: date });
  test.each([
    ["age 25, Pap 2023: cytology only", "2000-01-01", [cytology("2023-01-01")], "cervical-cytology", "complete"],
    ["age 35, Pap 2023 only: cytology covers longer", "1990-01-01", [cytology("2023-01-01")], "cervical-cytology", "complete"],
    ["age 45, co-test 2021: HPV covers to 2026", "1980-01-01", [cytology("2021-01-01"), hpv("2021-01-01")], "cervical-hpv", "complete"],
    ["age 45, nothing: HPV variant by rank", "1980-01-01", [], "cervical-hpv", "due"],
  ])("%s", (_label, birthDate, observations, key, status) => {
    const { chosen } = primary({ patient: { ...patient, birthDate }, observations }, cervical);
    expect(chosen).toMatchObject({ screeningTypeKey: key, status });
  });
});

test("order of types and facts never changes the results", () => {
  const facts = {
    procedures: [done("p1", cpt("45378"), "2014-03-04"), done("p2", cpt("82274"), "2025-05-01"), done("p3", cpt("81528"), "2024-01-01")],
    documents: [{ id: "d1", category: "procedure", serviceDate: "2019-05-05", text: "Colonoscopy declined." }],
  };
  const types = [...colorectal, ...cervical];
  const base = evaluateScreenings(buildFacts({ patient, ...facts }), types, { asOf: "2025-06-01" });
  const reversed = evaluateScreenings(
    buildFacts({ patient, procedures: [...facts.procedures].reverse(), documents: facts.documents }),
    [...types].reverse(),
    { asOf: "2025-06-01" },
  );
  expect(reversed).toEqual(base);
});
