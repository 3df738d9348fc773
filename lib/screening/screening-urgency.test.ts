import { describe, expect, it } from "vitest";
import { screeningStatuses } from "./screening-result";
import { screeningUrgencyRank, sortByUrgency } from "./screening-urgency";

describe("sortByUrgency", () => {
  it("ranks every status, overdue first and not eligible last", () => {
    expect(Object.keys(screeningUrgencyRank).sort()).toEqual([...screeningStatuses].sort());
    const rows = [
      { status: "complete", name: "B", screeningTypeKey: "b" },
      { status: "not_eligible", name: "A", screeningTypeKey: "a" },
      { status: "due", name: "z", screeningTypeKey: "z" },
      { status: "overdue", name: "Y", screeningTypeKey: "y" },
      { status: "due", name: "a", screeningTypeKey: "a2" },
      { status: "needs_review", name: "C", screeningTypeKey: "c" },
    ] as const;
    expect(sortByUrgency(rows).map((r) => r.screeningTypeKey)).toEqual(["y", "a2", "z", "c", "b", "a"]);
  });
});
