import type { Condition } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import conditions from "./fixtures/conditions-searchset.json";
import noResults from "./fixtures/outcomes/no-results-searchset.json";
import { getBundleResources, getNextLink, isBundle, readSearchset } from "./bundle";

const outcome = (code: string, severity = "warning") => ({
  resourceType: "OperationOutcome",
  issue: [{ severity, code: "processing", details: { coding: [{ system: "urn:oid:1.2.840.114350.1.13.0.1.7.2.657369", code }], text: `text ${code}` }, diagnostics: "family=Secret" }],
});

describe("readSearchset", () => {
  it("splits results from OperationOutcome warnings (Epic 59204 alongside results)", () => {
    const page = readSearchset<Condition>(conditions, "Condition");
    expect(page.resources.map((c) => c.id)).toEqual(["eCondA1.problem-1", "eCondA1.problem-2", "eCondA1.dx-1"]);
    expect(page.noData).toBeUndefined();
    expect(page.warnings).toEqual([expect.objectContaining({ severity: "warning", code: "suppressed", detailCode: "59204" })]);
    expect(page.total).toBe(3);
  });

  it.each([
    ["Epic 4101 fixture", noResults, "4101", "4101 Resource request returns no results."],
    ["outcome without search.mode", { resourceType: "Bundle", type: "searchset", entry: [{ resource: outcome("59008") }] }, "59008", "59008 text 59008"],
    ["outcome with only an issue code", { resourceType: "Bundle", entry: [{ search: { mode: "outcome" }, resource: { resourceType: "OperationOutcome", issue: [{ severity: "information", code: "informational" }] } }] }, null, "informational"],
  ])("OperationOutcome-only searchset → no data (%s)", (_name, bundle, code, reason) => {
    const page = readSearchset(bundle, "DocumentReference");
    expect(page.resources).toEqual([]);
    expect(page.noData).toMatchObject({ code, reason });
    expect(JSON.stringify(page.noData)).not.toContain("Secret");
  });

  it.each([
    ["an empty searchset", { resourceType: "Bundle", type: "searchset", total: 0 }],
    ["garbage", "not a bundle"],
    ["null entries", { resourceType: "Bundle", entry: [null, 1, { resource: null }] }],
  ])("%s → no resources, no noData", (_name, bundle) => {
    expect(readSearchset(bundle, "Patient")).toMatchObject({ resources: [], noData: undefined, warnings: [] });
  });

  it("separates _include entries and other types", () => {
    const page = readSearchset(
      { resourceType: "Bundle", entry: [{ resource: { resourceType: "Appointment", id: "a" } }, { search: { mode: "include" }, resource: { resourceType: "Patient", id: "p" } }, { resource: { resourceType: "Appointment", id: "inc" }, search: { mode: "include" } }] },
      "Appointment",
    );
    expect(page.resources.map((r) => r.id)).toEqual(["a"]);
    expect(page.included.map((r) => r.id)).toEqual(["p", "inc"]);
  });
});

describe("bundle helpers", () => {
  it.each([
    [{ link: [{ relation: "self", url: "s" }, { relation: "next", url: "https://x/R4/Observation?page=2" }] }, "https://x/R4/Observation?page=2"],
    [{ link: [{ relation: "next", url: "" }] }, undefined],
    [{ link: "next" }, undefined],
    [null, undefined],
  ])("getNextLink(%j)", (bundle, expected) => {
    expect(getNextLink(bundle)).toBe(expected);
  });

  it("getBundleResources skips entries without a resource", () => {
    expect(getBundleResources({ entry: [{}, { resource: { resourceType: "Patient", id: "p" } }, { resource: { id: "no type" } }] })).toEqual([{ resourceType: "Patient", id: "p" }]);
  });

  it.each([
    [{ resourceType: "Bundle", type: "searchset" }, "searchset", true],
    [{ resourceType: "Bundle", type: "collection" }, "searchset", false],
    [{ resourceType: "Patient" }, undefined, false],
  ])("isBundle(%j, %s)", (value, type, expected) => {
    expect(isBundle(value, type)).toBe(expected);
  });
});
