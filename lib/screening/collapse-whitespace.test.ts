import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { collapseWhitespace } from "./collapse-whitespace";

describe("collapseWhitespace", () => {
  test("keeps tidy text and turns lone line feeds into spaces", () => {
    expect(collapseWhitespace("Screening mammogram, BI-RADS 1.")).toBe("Screening mammogram, BI-RADS 1.");
    expect(collapseWhitespace("IMPRESSION: negative.\nPLAN: routine")).toBe("IMPRESSION: negative. PLAN: routine");
    expect(collapseWhitespace("")).toBe("");
  });

  test("collapses runs, odd whitespace and ends as the regular expression does", () => {
    expect(collapseWhitespace("  a \n\tb\u00a0 c\n")).toBe("a b c");
    expect(collapseWhitespace("a\r\nb")).toBe("a b");
  });

  test("equals replace(/\\s+/g, ' ').trim() on any text", () => {
    const part = fc.constantFrom("a", "B", "7", ".", " ", "  ", "\n", "\n\n", "\t", "\r", "\u00a0", "\u2003", "\ufeff", "é", "\uE000", "x y");
    fc.assert(fc.property(fc.array(part, { maxLength: 40 }), (parts) => {
      const text = parts.join("");
      expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, " ").trim());
    }), { numRuns: 3000 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
      expect(collapseWhitespace(text)).toBe(text.replace(/\s+/g, " ").trim());
    }), { numRuns: 2000 });
  });
});
