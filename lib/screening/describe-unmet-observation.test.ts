import { describe, expect, it } from "vitest";
import { describeUnmetObservation } from "./find-trigger-evidence";

describe("not-counted observation notes say what was observed", () => {
  it("a number under the threshold", () => {
    expect(describeUnmetObservation({ valueNumber: 24.3, valueCodes: [] }, { codeOk: true, minValue: 25 })).toBe("observed value 24.3, below the 25 this screening needs");
  });
  it("a coded value that is not one the screening looks for", () => {
    expect(describeUnmetObservation({ valueNumber: null, valueCodes: [{ system: "http://snomed.info/sct", code: "266919005", display: "Never smoked tobacco" }] }, { codeOk: false, minValue: null }))
      .toBe('observed "Never smoked tobacco", which is not one of the values this screening looks for');
  });
  it("no value at all", () => {
    expect(describeUnmetObservation({ valueNumber: null, valueCodes: [] }, { codeOk: true, minValue: 30 })).toBe("no numeric value recorded (needs 30 or more)");
    expect(describeUnmetObservation(undefined, { codeOk: false, minValue: null })).toBe("no coded value recorded");
  });
});
