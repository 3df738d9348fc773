import { describe, expect, it } from "vitest";
import { checkEpicSearch } from "@/lib/fhir/epic-search-rules";
import { buildPatientSearches } from "./build-patient-searches";

describe("buildPatientSearches", () => {
  it("asks once per resource type, several categories per search, and passes Epic's required-parameter rules", () => {
    const searches = buildPatientSearches("eP1", undefined);
    expect(searches.map((s) => s.key)).toEqual(["Condition", "Observation", "Procedure", "DiagnosticReport", "Immunization", "Encounter", "DocumentReference"]);
    expect(searches.find((s) => s.key === "Condition")!.params.category).toBe("problem-list-item,encounter-diagnosis,health-concern");
    expect(searches.find((s) => s.key === "Observation")!.params.category).toBe("laboratory,vital-signs,social-history");
    for (const s of searches) {
      expect(checkEpicSearch(s.resourceType, s.params)).toEqual({ ok: true });
      expect(s.params).toMatchObject({ patient: "eP1", _count: 200 });
      expect(s.params).not.toHaveProperty("_lastUpdated");
    }
  });

  it("asks only for what changed after the cursor on an incremental pull", () => {
    const since = new Date("2026-11-28T08:00:00.000Z");
    for (const s of buildPatientSearches("eP1", since)) expect(s.params._lastUpdated).toBe("gt2026-11-28T08:00:00.000Z");
  });
});
