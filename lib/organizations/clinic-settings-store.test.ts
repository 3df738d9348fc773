import { describe, expect, it } from "vitest";
import { defaultPrepSheetSettings } from "@/lib/prep-sheet/prep-sheet-settings";
import { describeValidationIssues } from "@/lib/http/describe-validation-issues";
import { clinicSettingsStoreSchema, listChangedKeys, readClinicSettings, toStoredPatch } from "./clinic-settings-store";

describe("readClinicSettings", () => {
  it("fills defaults for a clinic that set nothing", () => {
    expect(readClinicSettings({})).toEqual(clinicSettingsStoreSchema.parse({}));
    expect(readClinicSettings(null).sessions).toEqual({ sessionIdleMinutes: 30, sessionAbsoluteHours: 12 });
  });

  it("honours the old top-level showMrn until the prep-sheet section sets its own", () => {
    expect(readClinicSettings({ showMrn: true }).prepSheet.showMrn).toBe(true);
    expect(readClinicSettings({ showMrn: true, prepSheet: { showMrn: false } }).prepSheet.showMrn).toBe(false);
  });

  it("falls back to defaults for a malformed section only", () => {
    const read = readClinicSettings({ screening: { dueSoonDays: -4 } as never, writeBack: { dailyCap: 2 } });
    expect(read.screening.dueSoonDays).toBe(30);
    expect(read.writeBack.dailyCap).toBe(2);
  });

  it("pulls 4 patients at once unless the clinic chose 1–16", () => {
    expect(readClinicSettings({}).sync.patientConcurrency).toBe(4);
    expect(readClinicSettings({ sync: { patientConcurrency: 8 } }).sync.patientConcurrency).toBe(8);
    expect(readClinicSettings({ sync: { patientConcurrency: 0 } }).sync.patientConcurrency).toBe(4);
    expect(readClinicSettings({ sync: { patientConcurrency: 17 } }).sync.patientConcurrency).toBe(4);
  });
});

describe("toStoredPatch", () => {
  it("keeps sessions at the top level and retires the old showMrn", () => {
    expect(toStoredPatch("sessions", { sessionIdleMinutes: 10, sessionAbsoluteHours: 4 })).toEqual({ patch: { sessionIdleMinutes: 10, sessionAbsoluteHours: 4 }, remove: [] });
    expect(toStoredPatch("prepSheet", defaultPrepSheetSettings)).toEqual({ patch: { prepSheet: defaultPrepSheetSettings }, remove: ["showMrn"] });
  });
});

describe("listChangedKeys", () => {
  it("names changed fields, one level into objects, never values", () => {
    const before = defaultPrepSheetSettings;
    const after = { ...before, notesLines: 2, windows: { ...before.windows, labs: { kind: "since_last_visit" as const, fallbackMonths: 6 } } };
    expect(listChangedKeys(before, after)).toEqual(["notesLines", "windows.labs"]);
    expect(listChangedKeys(before, { ...before })).toEqual([]);
  });
});

describe("settings problems in plain words (describeValidationIssues, as every form)", () => {
  it("words bounds and types for people", () => {
    const schema = clinicSettingsStoreSchema.shape.sessions;
    const issues = (value: unknown) => describeValidationIssues(schema.safeParse(value).error!.issues).issues.map((i) => i.message);
    expect(issues({ sessionIdleMinutes: 2 })).toEqual(["must be at least 5"]);
    expect(issues({ sessionAbsoluteHours: 13 })).toEqual(["must be at most 12"]);
    expect(issues({ sessionIdleMinutes: Number.NaN })).toEqual(["must be a number"]);
    expect(issues({ sessionIdleMinutes: 7.5 })).toEqual(["must be a whole number"]);
  });
});
