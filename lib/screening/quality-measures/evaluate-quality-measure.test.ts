import { describe, expect, test } from "vitest";
import { evaluateQualityMeasure } from "./evaluate-quality-measure";
import { cms122, cms124, cms125, cms130, cms131, cms349 } from "./measure-definitions";
import { resolveWindow } from "./measurement-windows";
import { formatDay } from "../calendar-date";
import type { MeasurementPeriod, QualityEvent, QualityFacts } from "./quality-facts";

const period = (year: number): MeasurementPeriod => ({ start: `${year}-01-01`, end: `${year}-12-31` });
const mp = period(2025);
let n = 0;
const event = (kind: QualityEvent["kind"], system: string, code: string, date: string | null, over: Partial<QualityEvent> = {}): QualityEvent => ({
  id: `e${++n}`, kind, codes: [{ system, code }], status: { encounter: "finished", procedure: "completed", condition: null, intervention: "completed" }[kind as string] ?? "final",
  start: date, end: date, valueNumber: null, valueCodes: [], hasValue: false, ...over,
});
const visit = (date = "2025-03-01") => event("encounter", "http://www.ama-assn.org/go/cpt", "99213", date);
const proc = (cpt: string, date: string) => event("procedure", "http://www.ama-assn.org/go/cpt", cpt, date);
const lab = (loinc: string, date: string, value: number | null = 1) =>
  event("observation", "http://loinc.org", loinc, date, { valueNumber: value, hasValue: value !== null });
const dx = (icd: string, onset: string, abatement: string | null = null) => event("condition", "http://hl7.org/fhir/sid/icd-10-cm", icd, onset, { end: abatement });
const patient = (birthDate: string, sex: QualityFacts["sex"], events: QualityEvent[], withVisit = true): QualityFacts =>
  ({ birthDate, sex, events: withVisit ? [visit(), ...events] : events });
const pops = (facts: QualityFacts, measure = cms130, p = mp) => {
  const r = evaluateQualityMeasure(facts, measure, p);
  return { ip: r.ip, denex: r.denex, numer: r.numer };
};

describe("calendar-anchored windows derive from the period, for any year", () => {
  test.each([
    [2025, { kind: "yearsBeforeStart", years: 9 } as const, "2016-01-01", "2025-12-31"],
    [2031, { kind: "yearsBeforeStart", years: 9 } as const, "2022-01-01", "2031-12-31"],
    [2025, { kind: "calendarDayYearsBefore", years: 2, month: 10, day: 1 } as const, "2023-10-01", "2025-12-31"],
    [2028, { kind: "calendarDayYearsBefore", years: 2, month: 10, day: 1 } as const, "2026-10-01", "2028-12-31"],
    [2025, { kind: "period" } as const, "2025-01-01", "2025-12-31"],
  ])("MP %i, %o → %s…%s", (year, spec, from, to) => {
    const window = resolveWindow(spec, period(year));
    expect([window.from === null ? null : formatDay(window.from), formatDay(window.to)]).toEqual([from, to]);
  });

  test("a leap-day start keeps its month when going back", () => {
    const window = resolveWindow({ kind: "yearsBeforeStart", years: 1 }, { start: "2024-02-29", end: "2025-02-27" });
    expect(formatDay(window.from!)).toBe("2023-02-28");
  });
});

describe("CMS130 colorectal cancer screening", () => {
  test.each([
    ["colonoscopy on the first day of the 9-year look-back", [proc("45378", "2016-01-01")], { ip: 1, denex: 0, numer: 1 }],
    ["colonoscopy the day before it", [proc("45378", "2015-12-31")], { ip: 1, denex: 0, numer: 0 }],
    ["colonoscopy on the last day of the period", [proc("45378", "2025-12-31")], { ip: 1, denex: 0, numer: 1 }],
    ["colonoscopy after the period", [proc("45378", "2026-01-01")], { ip: 1, denex: 0, numer: 0 }],
    ["colonoscopy not completed", [proc("45378", "2020-05-05")].map((e) => ({ ...e, status: "not-done" })), { ip: 1, denex: 0, numer: 0 }],
    ["FIT in the period with a result", [lab("29771-3", "2025-06-01")], { ip: 1, denex: 0, numer: 1 }],
    ["FIT in the period without a result", [lab("29771-3", "2025-06-01", null)], { ip: 1, denex: 0, numer: 0 }],
    ["FIT the year before", [lab("29771-3", "2024-12-31")], { ip: 1, denex: 0, numer: 0 }],
    ["stool DNA 2 years before the period", [lab("77353-1", "2023-01-01")], { ip: 1, denex: 0, numer: 1 }],
    ["stool DNA 3 years before", [lab("77353-1", "2022-12-31")], { ip: 1, denex: 0, numer: 0 }],
    ["CT colonography 4 years before", [proc("74263", "2021-01-01")], { ip: 1, denex: 0, numer: 1 }],
    ["sigmoidoscopy 5 years before", [proc("45330", "2020-12-31")], { ip: 1, denex: 0, numer: 0 }],
    ["colorectal cancer history excludes", [dx("C18.9", "2010-04-01", "2012-01-01")], { ip: 1, denex: 1, numer: 0 }],
    ["colectomy after the period does not", [proc("44150", "2026-02-01")], { ip: 1, denex: 0, numer: 0 }],
    ["hospice in the period excludes", [event("encounter", "http://snomed.info/sct", "385763009", "2025-11-01")], { ip: 1, denex: 1, numer: 0 }],
    ["palliative diagnosis in the period excludes", [dx("Z51.5", "2025-02-01")], { ip: 1, denex: 1, numer: 0 }],
  ])("%s", (_name, events, expected) => {
    expect(pops(patient("1960-06-15", "male", events))).toEqual(expected);
  });

  test.each([
    ["1979-12-31", 1], // turns 46 on the last day of the period
    ["1980-01-01", 0], // 45 at the end of the period
    ["1950-01-01", 1], // 75
    ["1949-12-31", 0], // 76
  ])("born %s → in population %i", (birthDate, ip) => {
    expect(pops(patient(birthDate, "female", [])).ip).toBe(ip);
  });

  test("no qualifying visit: not in the population, and the result says so", () => {
    const result = evaluateQualityMeasure(patient("1960-06-15", "male", [proc("45378", "2020-01-01")], false), cms130, mp);
    expect(result).toMatchObject({ ip: 0, qualifyingEncounter: false, status: "not_in_population" });
  });

  test("a gap names the action that closes it", () => {
    const result = evaluateQualityMeasure(patient("1960-06-15", "male", []), cms130, mp);
    expect(result).toMatchObject({ status: "not_met", gapAction: expect.stringContaining("colorectal") });
  });
});

describe("CMS125 breast cancer screening", () => {
  const mammo = (date: string) => event("diagnostic_report", "http://loinc.org", "24606-6", date);
  test.each([
    ["mammogram on October 1 two years before", [mammo("2023-10-01")], { ip: 1, denex: 0, numer: 1 }],
    ["mammogram on September 30", [mammo("2023-09-30")], { ip: 1, denex: 0, numer: 0 }],
    ["bilateral mastectomy history", [dx("Z90.13", "2015-01-01")], { ip: 1, denex: 1, numer: 0 }],
    ["right and left absence", [dx("Z90.11", "2015-01-01"), dx("Z90.12", "2019-01-01")], { ip: 1, denex: 1, numer: 0 }],
    ["one side only", [dx("Z90.11", "2015-01-01")], { ip: 1, denex: 0, numer: 0 }],
  ])("%s", (_name, events, expected) => {
    expect(pops(patient("1965-03-03", "female", events), cms125)).toEqual(expected);
  });

  test.each([["female", 1], ["male", 0], ["unknown", 0]] as const)("sex %s → in population %i", (sex, ip) => {
    expect(pops(patient("1965-03-03", sex, []), cms125).ip).toBe(ip);
  });

  test("age 52 is counted at the end of the period (born on a leap day)", () => {
    expect(pops(patient("1973-02-28", "female", []), cms125).ip).toBe(1);
    expect(pops(patient("1974-01-01", "female", []), cms125).ip).toBe(0);
    expect(pops(patient("1972-02-29", "female", [visit("2024-05-05")], false), cms125, period(2024)).ip).toBe(1);
    expect(pops(patient("1972-03-01", "female", [visit("2024-05-05")], false), cms125, period(2024)).ip).toBe(1);
    expect(pops(patient("1973-01-01", "female", [visit("2024-05-05")], false), cms125, period(2024)).ip).toBe(0);
  });
});

describe("CMS124 cervical, CMS122 HbA1c (inverse), CMS131 eye exam, CMS349 HIV", () => {
  test.each([
    ["cytology 2 years before", [lab("10524-7", "2023-01-01")], 1],
    ["cytology 3 years before", [lab("10524-7", "2022-12-31")], 0],
    ["HPV at 30", [lab("21440-3", "2021-05-01")], 1],
    ["HPV at 29", [lab("21440-3", "2021-04-30")], 0],
  ])("CMS124: %s → numer %i", (_name, events, numer) => {
    expect(pops(patient("1991-05-01", "female", events), cms124).numer).toBe(numer);
  });

  test.each([
    ["no HbA1c in the period", [], 1],
    ["latest 8.0", [lab("4548-4", "2025-02-01", 10.2), lab("4548-4", "2025-09-01", 8)], 0],
    ["latest 9.0 is not above 9", [lab("4548-4", "2025-09-01", 9)], 0],
    ["latest 9.1", [lab("4548-4", "2025-02-01", 7), lab("4548-4", "2025-09-01", 9.1)], 1],
    ["latest without a value", [lab("4548-4", "2025-09-01", null)], 1],
    ["only last year's result", [lab("4548-4", "2024-12-31", 6)], 1],
  ])("CMS122: %s → numer %i", (_name, events, numer) => {
    expect(pops(patient("1970-01-01", "male", [dx("E11.9", "2018-01-01"), ...events]), cms122)).toEqual({ ip: 1, denex: 0, numer });
  });

  test("CMS122/131 need a diabetes diagnosis that overlaps the period", () => {
    expect(pops(patient("1970-01-01", "male", []), cms122).ip).toBe(0);
    expect(pops(patient("1970-01-01", "male", [dx("E11.9", "2018-01-01", "2024-06-01")]), cms122).ip).toBe(0);
    expect(pops(patient("1970-01-01", "male", [dx("E11.9", "2018-01-01"), proc("92250", "2025-04-04")]), cms131)).toEqual({ ip: 1, denex: 0, numer: 1 });
    expect(pops(patient("1970-01-01", "male", [dx("E11.9", "2018-01-01"), proc("92250", "2024-04-04")]), cms131)).toEqual({ ip: 1, denex: 0, numer: 0 });
  });

  test.each([
    ["test at 20", "1990-01-01", [lab("75622-1", "2010-06-01")], { ip: 1, denex: 0, numer: 1 }],
    ["test at 14", "1990-01-01", [lab("75622-1", "2003-06-01")], { ip: 1, denex: 0, numer: 0 }],
    ["HIV diagnosed before the period", "1990-01-01", [dx("B20", "2020-01-01")], { ip: 1, denex: 1, numer: 0 }],
    ["HIV diagnosed during the period", "1990-01-01", [dx("B20", "2025-03-01")], { ip: 1, denex: 0, numer: 0 }],
    ["66 at the start of the period", "1959-01-01", [], { ip: 0, denex: 0, numer: 0 }],
    ["15 at the start of the period", "2009-12-31", [], { ip: 1, denex: 0, numer: 0 }],
  ])("CMS349: %s", (_name, birthDate, events, expected) => {
    expect(pops(patient(birthDate, "male", events), cms349)).toEqual(expected);
  });
});
