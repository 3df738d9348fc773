import { describe, expect, it } from "vitest";
import { buildPrepSheet } from "./build-prep-sheet";
import { buildLongHistoryInput, buildPrepInput, buildScreening, concept, buildObservation } from "./build-test-prep-input";
import { renderPrepSheetText, textLineWidth } from "./render-prep-sheet-text";
import { toAsciiText } from "./to-ascii-text";
import { wrapText } from "./wrap-text";

const sections = ["AT THIS VISIT", "SCREENINGS", "FLAGGED LABS SINCE 2025-03-03", "IMAGING SINCE 2025-03-03", "IMMUNIZATIONS GIVEN SINCE 2025-03-03", "PRE-VISIT CHECKLIST", "PROVIDER NOTES"];

describe("wrapText", () => {
  it.each([
    ["short", 10, ["short"]],
    ["two words here", 9, ["two words", "here"]],
    ["", 5, [""]],
    ["abcdefghij", 4, ["abcd", "efgh", "ij"]],
    ["a  b\n c", 80, ["a b c"]],
    ["x", 0, ["x"]], // a column too narrow for one character still makes progress
  ] as const)("%j at %i", (text, width, expected) => expect(wrapText(text, width)).toEqual(expected));
});

describe("toAsciiText", () => {
  it.each([
    ["Zoë Ångström", "Zoe Angstrom"],
    ["≥ 5 µg/dL – “ok”", ">= 5 ug/dL - \"ok\""],
    ["日本", "??"],
    ["tab\there", "tab here"],
  ])("%s → %s", (input, expected) => expect(toAsciiText(input)).toBe(expected));
});

/** The cells of the row starting with `first` in a section's table, wrapped lines joined back. */
function readRow(text: string, section: string, first: string): string[] {
  const lines = text.slice(text.indexOf(`\n${section}`)).split("\n");
  const rule = lines.findIndex((l, i) => i > 2 && /^-+( -+)+$/.test(l));
  const columns = [...(lines[rule] ?? "").matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const start = lines.findIndex((l, i) => i > rule && l.startsWith(first));
  const cells = columns.map(() => [] as string[]);
  for (let i = start; i < lines.length && lines[i] && (i === start || lines[i]?.startsWith(" ")); i++) {
    columns.forEach(([from, to], c) => cells[c]?.push((lines[i] ?? "").slice(from, to + 1).trim()));
  }
  return cells.map((parts) => parts.filter(Boolean).join(" "));
}

describe("renderPrepSheetText", () => {
  it("holds every section in ASCII lines of at most 80 characters, the patient first", () => {
    const text = renderPrepSheetText(buildPrepSheet(buildLongHistoryInput(40)));
    expect(text.split("\n")[1]).toBe("Patient: Zoe Ann Testpatient | DOB 1961-03-03 | 65 y Female");
    for (const section of sections) expect(text).toContain(`\n${section}\n`);
    for (const paragraph of ["VISIT: ", "ACTIVE PROBLEMS: Type 2 diabetes mellitus (E11.9, since 2019).", "NOTHING RECORDED: No consults or hospital or ED visits since 2025-03-03."]) expect(text).toContain(`\n${paragraph}`);
    const lines = text.split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(textLineWidth);
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expect(lines.filter((l) => /Basic metabolic panel analyte/.test(l))).toHaveLength(40);
    expect(text).toContain("Flagged results: 40 tests, listed under Flagged labs.");
  });

  it("says what is due in one summary line, and nothing when nothing is", () => {
    const due = renderPrepSheetText(buildPrepSheet(buildPrepInput({
      screenings: [
        buildScreening({ screeningTypeKey: "a", name: "Lung cancer screening", status: "overdue", lastCompleted: "2023-01-01", nextDue: "2024-01-01" }),
        buildScreening({ screeningTypeKey: "b", name: "Hepatitis C screening", status: "due" }),
        buildScreening({ screeningTypeKey: "c", name: "Cervical cancer screening", status: "needs_review" }),
        buildScreening({ screeningTypeKey: "d", name: "Lipid screening", status: "due_soon", lastCompleted: "2021-04-01", nextDue: "2026-04-01" }),
      ],
    })));
    expect(due.replace(/\s+/g, " ")).toContain("Due at this visit: 1 overdue - Lung cancer screening; 1 due - Hepatitis C screening. To confirm from the records: Cervical cancer screening. Coming due: Lipid screening (2026-04-01).");
    const none = renderPrepSheetText(buildPrepSheet(buildPrepInput({ observations: [], screenings: [buildScreening({ screeningTypeKey: "m", name: "Mammogram", status: "complete", lastCompleted: "2025-06-01" })] })));
    expect(none).toContain("\nNothing due at this visit.\n");
  });

  it("wraps long cells inside their column and keeps dates whole", () => {
    const sheet = buildPrepSheet(buildPrepInput({
      screenings: [buildScreening({ screeningTypeKey: "crc", name: "Colorectal cancer screening (average risk, age 45–75)", status: "needs_review", lastCompleted: "2019-05-02", reasons: ["R."] })],
      observations: [buildObservation({ ehrId: "x", code: concept("Lipid panel with reflex to direct LDL cholesterol measurement") })],
    }));
    const text = renderPrepSheetText(sheet);
    const block = text.slice(text.indexOf("\nSCREENINGS"), text.indexOf("ACTIVE PROBLEMS"));
    expect(block.split("\n").length).toBeGreaterThan(4);
    expect(block).toContain("2019-05-02");
    expect(block.replace(/\s+/g, " ")).toContain("45-75");
    expect(text).toContain("2026-01-10");
  });

  it.each([
    ["never done", "No record found", "-", { status: "due", lastCompleted: null, nextDue: null }],
    ["never done, evidence to review", "No record found", "-", { status: "needs_review", lastCompleted: null, nextDue: null }],
    ["lapsed", "2014-02-01", "2024-02-01", { status: "overdue", lastCompleted: "2014-02-01", nextDue: "2024-02-01" }],
    ["excluded", "-", "-", { status: "excluded", lastCompleted: null, nextDue: null }],
  ] as const)("%s: last done %j, next due %j in the screening, measure and immunization tables", (_label, lastDone, nextDue, result) => {
    const input = buildPrepInput({
      screenings: [buildScreening({ screeningTypeKey: "crc", name: "CRC", ...result, reasons: ["R."] }), buildScreening({ screeningTypeKey: "zoster", name: "Shingles", ...result, reasons: ["R."] })],
      clinicSettings: { measures: [{ measureId: "CMS130", title: "CRC", screeningKey: "crc" }], immunizationKeys: ["zoster"] },
    });
    const text = renderPrepSheetText(buildPrepSheet(input));
    // Screening: name, status, last done, next due; measures and vaccines the same first four columns.
    expect(readRow(text, "SCREENINGS", "CRC").slice(2, 4)).toEqual([lastDone, nextDue]);
    expect(readRow(text, "QUALITY MEASURES", "CMS130").slice(2, 4)).toEqual([lastDone, nextDue]);
    if (result.status !== "excluded") expect(readRow(text, "IMMUNIZATIONS DUE", "Shingles").slice(2, 4)).toEqual([lastDone, nextDue]);
  });

  it("prints the MRN only when the clinic allows it", () => {
    expect(renderPrepSheetText(buildPrepSheet(buildPrepInput()))).not.toContain("MRN-204711");
    expect(renderPrepSheetText(buildPrepSheet(buildPrepInput({ clinicSettings: { showMrn: true } })))).toContain("MRN MRN-204711");
  });
});
