import { describe, expect, it } from "vitest";
import { binaryUrl, isUnderBase, normalizeBaseUrl, parseLocation, searchUrl } from "./fhir-url";

const base = "https://ehr.example.org/interconnect-fhir-oauth/api/FHIR/R4";

describe("fhir-url", () => {
  it("normalises the base and refuses non-http schemes", () => {
    expect(normalizeBaseUrl(`${base}/`)).toBe(base);
    expect(() => normalizeBaseUrl("file:///etc")).toThrow();
  });

  it("builds deterministic search URLs with repeated parameters", () => {
    expect(searchUrl(base, "Appointment", { practitioner: "e.1", date: ["ge2026-11-28", "lt2026-11-29"], status: undefined, _count: 50 })).toBe(
      `${base}/Appointment?_count=50&date=ge2026-11-28&date=lt2026-11-29&practitioner=e.1`,
    );
  });

  it.each([
    [`${base}/Patient?page=2`, true],
    [`${base}`, true],
    ["https://ehr.example.org/interconnect-fhir-oauth/api/FHIR/R4x/Patient", false],
    ["https://ehr.example.org/other/Patient", false],
    ["http://ehr.example.org/interconnect-fhir-oauth/api/FHIR/R4/Patient", false],
    ["https://evil.example/interconnect-fhir-oauth/api/FHIR/R4/Patient", false],
    ["not a url", false],
  ])("isUnderBase(%s) → %s", (url, expected) => {
    expect(isUnderBase(base, url)).toBe(expected);
  });

  it.each([
    ["Binary/eAbc.1-x", `${base}/Binary/eAbc.1-x`],
    ["/Binary/eAbc", `${base}/Binary/eAbc`],
    ["eAbc", `${base}/Binary/eAbc`],
    [`${base}/Binary/eAbc`, `${base}/Binary/eAbc`],
    ["Binary/a%20b", `${base}/Binary/a%20b`],
    ["Binary/%E0%A4%A", undefined],
    ["Binary/a/b", undefined],
    ["DocumentReference/x", undefined],
    ["https://evil.example/Binary/x", undefined],
    ["file:///etc/passwd", undefined],
    ["  ", undefined],
  ])("binaryUrl(%j)", (ref, expected) => {
    expect(binaryUrl(base, ref)).toBe(expected);
  });

  it.each([
    ["DocumentReference/eNote1", { id: "eNote1", versionId: undefined }],
    [`${base}/DocumentReference/eNote1/_history/3`, { id: "eNote1", versionId: "3" }],
    ["DocumentReference/eNote.1-x/", { id: "eNote.1-x", versionId: undefined }],
    ["", undefined],
    [null, undefined],
  ])("parseLocation(%j)", (location, expected) => {
    expect(parseLocation(location)).toEqual(expected);
  });
});
