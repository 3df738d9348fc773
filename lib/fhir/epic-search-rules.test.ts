import { describe, expect, it } from "vitest";
import { checkEpicSearch } from "./epic-search-rules";

describe("checkEpicSearch", () => {
  it.each([
    ["Observation", { patient: "p", category: "laboratory" }, true],
    ["Observation", { patient: "p", code: "http://loinc.org|4548-4" }, true],
    ["Observation", { subject: "Patient/p", "code:text": "A1c" }, true],
    ["Observation", { patient: "p" }, false],
    ["Observation", { patient: "p", category: "" }, false],
    ["Observation", { patient: "p", category: [] }, false],
    ["Observation", { category: "laboratory" }, false],
    ["Observation", { _id: "o1" }, true],
    ["Condition", { patient: "p", category: "problem-list-item" }, true],
    ["Condition", { patient: "p", category: ["problem-list-item", "encounter-diagnosis"] }, true],
    ["Condition", { patient: "p", "clinical-status": "active" }, false],
    ["DocumentReference", { patient: "p", category: "clinical-note" }, true],
    ["DocumentReference", { category: "clinical-note" }, false],
    ["Immunization", { patient: "p" }, true],
    ["Appointment", { practitioner: "pr", date: ["ge2026-11-28", "lt2026-11-29"] }, true],
    ["Appointment", { date: "2026-11-28" }, false],
    ["Patient", { family: "Fixture", birthdate: "1971-05-09" }, true],
    ["Patient", { family: "Fixture" }, false],
    ["Patient", { identifier: "urn:oid:1.2.3|MRN-1" }, true],
    ["Practitioner", { name: "x" }, true],
    ["Observation", { patient: undefined, category: "laboratory" }, false],
  ])("%s %j → ok=%s", (type, params, ok) => {
    expect(checkEpicSearch(type, params).ok).toBe(ok);
  });

  it("names the missing parameters, never the values", () => {
    const check = checkEpicSearch("Patient", { family: "Fixture" });
    expect(check).toEqual({ ok: false, message: "Epic Patient search needs identifier, or a name with birthdate" });
  });
});
