import { describe, expect, it } from "vitest";
import { buildPrepSheetHeader, computeAge, findMrn, readDisplayName } from "./build-prep-sheet-header";
import { buildPrepInput } from "./build-test-prep-input";
import { prepSheetSettingsSchema } from "./prep-sheet-settings";

const input = buildPrepInput();
const mrnSystem = "urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.14";

function header(overrides: { showMrn?: boolean; mrnSystems?: string[]; birthDate?: string | null; asOf?: string } = {}) {
  return buildPrepSheetHeader({
    asOf: overrides.asOf ?? "2026-03-03", generatedAt: input.generatedAt, timeZone: "America/New_York", clinicName: "Riverside",
    patient: { ...input.patient, birthDate: overrides.birthDate === undefined ? input.patient.birthDate : overrides.birthDate },
    identity: input.identity, appointment: input.appointment, provider: input.provider,
    settings: prepSheetSettingsSchema.parse({ showMrn: overrides.showMrn ?? false, mrnSystems: overrides.mrnSystems ?? [mrnSystem] }),
  });
}

describe("MRN gating", () => {
  it.each([
    { showMrn: false, mrnSystems: [mrnSystem], expected: null },
    { showMrn: true, mrnSystems: [mrnSystem], expected: "MRN-204711" },
    { showMrn: true, mrnSystems: [], expected: "MRN-204711" }, // falls back to the identifier typed MRN
    { showMrn: false, mrnSystems: [], expected: null },
  ])("showMrn=$showMrn systems=$mrnSystems → $expected", ({ showMrn, mrnSystems, expected }) => {
    expect(header({ showMrn, mrnSystems }).mrn).toBe(expected);
  });

  it("prefers the configured system over a typed MR identifier", () => {
    const identity = { ehrId: "x", names: [], identifiers: [
      { system: "urn:other", value: "OTHER-1", type: "MR", use: null },
      { system: mrnSystem, value: "RIGHT-2", type: null, use: null },
    ] };
    expect(findMrn(identity, [mrnSystem])).toBe("RIGHT-2");
    expect(findMrn(identity, [])).toBe("OTHER-1");
    expect(findMrn(null, [mrnSystem])).toBeNull();
  });
});

describe("age at asOf on birthday boundaries", () => {
  it.each([
    ["1961-03-03", "2026-03-02", 64],
    ["1961-03-03", "2026-03-03", 65],
    ["1961-03-03", "2026-03-04", 65],
    ["2000-02-29", "2025-02-28", 24], // leap-day births turn a year older on 1 March in common years
    ["2000-02-29", "2025-03-01", 25],
    ["2000-02-29", "2024-02-29", 24],
    ["1990-12-31", "2026-01-01", 35],
    ["2026-03-03", "2026-03-03", 0],
    ["2027-01-01", "2026-03-03", null], // birth after asOf
    ["1961", "2026-03-03", null], // partial birth date: no exact age
    [null, "2026-03-03", null],
  ] as const)("born %s, on %s → %s", (birthDate, asOf, expected) => {
    expect(computeAge(birthDate, asOf)).toBe(expected);
    expect(header({ birthDate, asOf }).ageYears).toBe(expected);
  });
});

describe("header fields", () => {
  it("shows the appointment in the clinic time zone, across DST", () => {
    expect(header().appointment?.display).toBe("Tue 2026-03-03 09:30 EST");
    const summer = buildPrepSheetHeader({
      ...{ asOf: "2026-07-01", generatedAt: "2026-07-01T12:00:00Z", timeZone: "America/New_York", clinicName: "R" },
      patient: input.patient, identity: null, provider: null, settings: prepSheetSettingsSchema.parse({}),
      appointment: { ...input.appointment!, start: "2026-07-01T03:30:00Z" },
    });
    expect(summer.appointment).toMatchObject({ display: "Tue 2026-06-30 23:30 EDT", localDate: "2026-06-30" });
    expect(summer.patientName).toBe("(name not available)");
    expect(summer.providerName).toBeNull();
  });

  it("picks the official name, then usual, then any", () => {
    const names = [
      { use: "usual", text: null, family: "Nick", given: ["Zed"] },
      { use: "official", text: "Zoë  Ann Testpatient", family: null, given: [] },
    ];
    expect(readDisplayName({ ehrId: "x", names, identifiers: [] })).toBe("Zoë Ann Testpatient");
    expect(readDisplayName({ ehrId: "x", names: [names[0]!], identifiers: [] })).toBe("Zed Nick");
  });

  it("labels sex and keeps clinic and provider", () => {
    expect(header()).toMatchObject({ sex: "Female", clinicName: "Riverside", providerName: "Dr. Rivera", generatedDisplay: "Mon 2026-03-02 18:15 EST" });
  });
});
