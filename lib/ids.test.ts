import { describe, expect, it } from "vitest";
import { createId, isId } from "./ids";

describe("createId", () => {
  it("prefixes by kind and sorts by time", () => {
    const a = createId("document", Date.UTC(2026, 0, 1));
    const b = createId("document", Date.UTC(2026, 0, 2));
    expect(a).toMatch(/^doc_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(a < b).toBe(true);
    expect(isId("document", a)).toBe(true);
    expect(isId("patient", a)).toBe(false);
    expect(isId("document", "doc_short")).toBe(false);
  });

  it("is unique within one millisecond", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createId("audit", 1)));
    expect(ids.size).toBe(1000);
  });
});
