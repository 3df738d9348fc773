import { describe, expect, it } from "vitest";
import { buildEncounter } from "./build-test-prep-input";
import { prepSheetSettingsSchema } from "./prep-sheet-settings";
import { findLastVisitDate, resolveSectionWindows } from "./resolve-section-windows";

const tz = "America/New_York";

describe("findLastVisitDate", () => {
  const asOf = "2026-03-03";
  it.each([
    { name: "latest finished clinic visit", encounters: [buildEncounter({ ehrId: "a", periodStart: "2025-06-01" }), buildEncounter({ ehrId: "b", periodStart: "2025-11-04T15:00:00Z" })], expected: "2025-11-04" },
    { name: "ignores today's own encounter", encounters: [buildEncounter({ ehrId: "today", periodStart: "2026-03-01" })], expected: null },
    { name: "ignores visits on asOf or later", encounters: [buildEncounter({ ehrId: "a", periodStart: "2026-03-03T13:00:00Z" })], expected: null },
    { name: "ignores unfinished visits", encounters: [buildEncounter({ ehrId: "a", status: "cancelled", periodStart: "2026-01-01" })], expected: null },
    { name: "ignores hospital stays", encounters: [buildEncounter({ ehrId: "a", classCode: "IMP", periodStart: "2026-01-01" })], expected: null },
    { name: "reads instants in the clinic zone", encounters: [buildEncounter({ ehrId: "a", periodStart: "2026-03-03T03:00:00Z" })], expected: "2026-03-02" },
  ])("$name", ({ encounters, expected }) => {
    expect(findLastVisitDate({ asOf, timeZone: tz, encounters, excludeEncounterId: "today" })).toBe(expected);
  });
});

describe("resolveSectionWindows", () => {
  const settings = prepSheetSettingsSchema.parse({
    windows: { labs: { kind: "months", months: 6 }, imaging: { kind: "since_last_visit" }, consults: { kind: "since_last_visit", fallbackMonths: 3 } },
  });

  it("uses months, the last visit, or the fallback with a label saying so", () => {
    const withVisit = resolveSectionWindows({ asOf: "2026-03-03", settings, lastVisit: "2025-11-04" });
    expect(withVisit.from).toEqual({ labs: "2025-09-03", imaging: "2025-11-04", consults: "2025-11-04", hospital: "2025-03-03", immunizations: "2025-03-03" });
    expect(withVisit.windows.every((w) => !w.usedFallback)).toBe(true);

    const newPatient = resolveSectionWindows({ asOf: "2026-03-03", settings, lastVisit: null });
    expect(newPatient.from).toMatchObject({ imaging: "2025-09-03", consults: "2025-12-03" });
    const imaging = newPatient.windows.find((w) => w.category === "imaging");
    expect(imaging).toMatchObject({ kind: "since_last_visit", usedFallback: true, months: 6 });
    expect(imaging?.label).toMatch(/no prior visit found, last 6 months/);
  });
});
