import { describe, expect, test } from "vitest";
import { describeLastDone, noRecordFound, screeningApplies } from "./describe-last-done";
import { screeningStatuses } from "./screening-result";

describe("describeLastDone", () => {
  test.each([
    ["2020-01-01", true, "2020-01-01"],
    ["2020-01-01", false, "2020-01-01"],
    [null, true, "No record found"],
    [null, false, null],
  ] as const)("%s, applies %s → %s", (lastCompleted, applies, expected) => {
    expect(describeLastDone(lastCompleted, applies)).toBe(expected);
  });

  test("only not-eligible and excluded screenings do not apply", () => {
    expect(screeningStatuses.filter((s) => !screeningApplies(s))).toEqual(["not_eligible", "excluded"]);
    expect(noRecordFound).toBe("No record found");
  });
});
