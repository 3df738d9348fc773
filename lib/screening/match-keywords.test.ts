import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileKeywordMatcher, findKeywordMatches, prepareText } from "./match-keywords";

const matcher = compileKeywordMatcher([
  { id: "colonoscopy", phrases: ["colonoscopy"], blockers: ["virtual colonoscopy"] },
  { id: "dxa", phrases: ["DXA", "dexa", "bone density"] },
  { id: "mammogram", phrases: ["mammogram", "mammo"] },
  { id: "fit", phrases: ["FIT test", "fecal immunochemical test"] },
  { id: "a1c", phrases: ["hemoglobin a1c", "HbA1c", "a1c"] },
]);

const contexts = (text: string) => findKeywordMatches(matcher, text).map((m) => `${m.keywordId}:${m.context}`);

describe("whole-token matching after normalisation", () => {
  test.each([
    ["dxa_scan.pdf", ["dxa:affirmed"]],
    ["DXAScan-2024.pdf", ["dxa:affirmed"]],
    ["BoneDensity report", ["dxa:affirmed"]],
    ["bone-density", ["dxa:affirmed"]],
    ["DEXA", ["dxa:affirmed"]],
    ["Colonoscopy_Report_2019.PDF", ["colonoscopy:affirmed"]],
    ["mammogram2024.pdf", ["mammogram:affirmed"]],
    ["MAMMO", ["mammogram:affirmed"]],
    ["HbA1c 6.1%", ["a1c:affirmed", "a1c:affirmed"]],
    ["HBA1C 6.1%", ["a1c:affirmed"]],
    ["Hemoglobin A1c 6.1%", ["a1c:affirmed", "a1c:affirmed"]],
    ["fitness class; outfit", []],
    ["mammography", []],
    ["colonoscopyreport", []],
    ["virtual colonoscopy performed", []],
    ["Virtual colonoscopy, then optical colonoscopy", ["colonoscopy:affirmed"]],
    ["FIT-test kit returned", ["fit:affirmed"]],
  ])("%s → %o", (text, expected) => {
    expect(contexts(text)).toEqual(expected);
  });
});

describe("negation and context cues", () => {
  test.each([
    ["Patient declined colonoscopy.", "negated"],
    ["Colonoscopy declined by patient.", "negated"],
    ["Patient refused mammogram today.", "negated"],
    ["Mammogram refused.", "negated"],
    ["Colonoscopy not performed due to poor prep.", "negated"],
    ["Mammogram not done.", "negated"],
    ["No colonoscopy on file.", "negated"],
    ["No prior colonoscopy.", "negated"],
    ["Never had a colonoscopy.", "negated"],
    ["She has not had a mammogram.", "negated"],
    ["Denies prior colonoscopy.", "negated"],
    ["Colonoscopy cancelled.", "negated"],
    ["No history of colonoscopy.", "negated"],
    ["Due for colonoscopy.", "future"],
    ["Overdue for mammogram.", "future"],
    ["Recommend colonoscopy in 10 years.", "future"],
    ["Recommended: screening mammogram.", "future"],
    ["Colonoscopy scheduled for next month.", "future"],
    ["Scheduled colonoscopy 7/1.", "future"],
    ["Will order DXA.", "future"],
    ["Ordered screening mammogram.", "future"],
    ["Mammogram ordered.", "future"],
    ["Colonoscopy referral", "future"],
    ["Plan: colonoscopy", "future"],
    ["Next mammogram due 2026.", "future"],
    ["History of colonoscopy 2015.", "historical"],
    ["Last colonoscopy 2015.", "historical"],
    ["s/p colonoscopy", "historical"],
    ["Family history of colonoscopy findings", "family"],
    ["Screening mammogram, bilateral.", "affirmed"],
    ["No evidence of malignancy on this mammogram.", "affirmed"],
    ["Colonoscopy: no polyps.", "affirmed"],
    ["Colonoscopy normal, repeat due in 10 years.", "affirmed"],
    ["Declined. Colonoscopy performed 3/2/2024.", "affirmed"],
    ["Patient declined flu shot but colonoscopy completed.", "affirmed"],
    ["Declined in the past, however colonoscopy done today.", "affirmed"],
  ])("%s → %s", (text, expected) => {
    const [first] = findKeywordMatches(matcher, text);
    expect(first?.context).toBe(expected);
  });

  test("the cue is reported with the mention", () => {
    const [match] = findKeywordMatches(matcher, "Patient declined colonoscopy.");
    expect(match).toMatchObject({ keywordId: "colonoscopy", phrase: "colonoscopy", cue: "declined" });
  });
});

describe("spans and snippets", () => {
  test("offsets point at the source text", () => {
    const text = "Impression: DXA T-score -1.2";
    const [match] = findKeywordMatches(matcher, text);
    expect(match && text.slice(match.start, match.end)).toBe("DXA");
  });

  test("snippets are short, single-line and marked when cut", () => {
    const text = `${"x ".repeat(100)}\nscreening mammogram\nBI-RADS 1 ${"y ".repeat(100)}`;
    const [match] = findKeywordMatches(matcher, text);
    expect(match?.snippet.startsWith("…")).toBe(true);
    expect(match?.snippet.endsWith("…")).toBe(true);
    expect(match?.snippet).not.toContain("\n");
    expect(match?.snippet.length).toBeLessThan(110);
  });

  test("prepared text gives the same matches as raw text", () => {
    const text = "Declined colonoscopy; FIT test done";
    expect(findKeywordMatches(matcher, prepareText(text))).toEqual(findKeywordMatches(matcher, text));
  });

  test("an empty matcher or empty text finds nothing", () => {
    expect(findKeywordMatches(compileKeywordMatcher([]), "colonoscopy")).toEqual([]);
    expect(findKeywordMatches(matcher, "")).toEqual([]);
  });
});

describe("snippets", () => {
  // The snippet rule as first written; buildSnippet skips the regular expression for tidy text.
  const expectedSnippet = (source: string, start: number, end: number) => {
    const from = Math.max(0, start - 40);
    const to = Math.min(source.length, end + 40);
    const body = source.slice(from, to).replace(/\s+/g, " ").trim();
    return `${from > 0 ? "…" : ""}${body}${to < source.length ? "…" : ""}`;
  };
  const filler = fc.array(fc.constantFrom("a", "b", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "é", ".", "x y"), { maxLength: 60 }).map((parts) => parts.join(""));

  test("collapse whitespace and trim exactly as the regular expression does", () => {
    fc.assert(fc.property(filler, filler, (before, after) => {
      const source = `${before} mammogram ${after}`;
      for (const match of findKeywordMatches(matcher, source)) {
        expect(match.snippet).toBe(expectedSnippet(source, match.start, match.end));
      }
    }), { numRuns: 2000 });
  });
});
