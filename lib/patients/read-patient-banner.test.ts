import { describe, expect, it } from "vitest";
import { readPatientBanner } from "./read-patient-banner";

describe("readPatientBanner", () => {
  it.each([
    [{ resourceType: "Patient", id: "p1", name: [{ use: "official", given: ["Camila", "M"], family: "Lopez" }], birthDate: "1987-09-12", gender: "female" }, { name: "Camila M Lopez", birthDate: "1987-09-12", sex: "female" }],
    [{ resourceType: "Patient", id: "p2", name: [{ use: "usual", text: "Derrick Lin" }] }, { name: "Derrick Lin", birthDate: null, sex: "unknown" }],
    [{ resourceType: "Patient", id: "p3" }, { name: "Unnamed patient", birthDate: null, sex: "unknown" }],
    [{ resourceType: "Observation" }, { name: "Unnamed patient", birthDate: null, sex: null }],
  ])("%j", (resource, expected) => {
    expect(readPatientBanner(resource)).toEqual(expected);
  });
});
