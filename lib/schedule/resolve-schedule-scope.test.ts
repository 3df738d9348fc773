import { describe, expect, it } from "vitest";
import { isVisitInScope } from "./resolve-schedule-scope";

describe("isVisitInScope", () => {
  it.each([
    { visit: "pA", scope: undefined, inScope: true, why: "the whole clinic" },
    { visit: null, scope: undefined, inScope: true, why: "the whole clinic, visit without a provider" },
    { visit: "pA", scope: "pA", inScope: true, why: "my visit" },
    { visit: "pB", scope: "pA", inScope: false, why: "another provider's visit" },
    { visit: null, scope: "pA", inScope: false, why: "a visit without a provider is nobody's" },
    { visit: null, scope: null, inScope: false, why: "a user without a practitioner has no visits" },
    { visit: "pA", scope: null, inScope: false, why: "…not even ones with a provider" },
  ])("$why", ({ visit, scope, inScope }) => {
    expect(isVisitInScope(visit, scope)).toBe(inScope);
  });
});
