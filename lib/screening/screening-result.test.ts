import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compareEvidence, compareStrings, sortEvidence, type EvidenceItem } from "./screening-result";

const sourceOrder = { procedure: 0, diagnostic_report: 1, observation: 2, immunization: 3, condition: 4, document: 5 };

/** The order by its definition: newest first, then source, then the joined "id|role|use", then content. */
function compareByDefinition(a: EvidenceItem, b: EvidenceItem): number {
  return compareStrings(b.date ?? "", a.date ?? "") || sourceOrder[a.source] - sourceOrder[b.source]
    || compareStrings(`${a.sourceId}|${a.role}|${a.use}`, `${b.sourceId}|${b.role}|${b.use}`) || compareStrings(JSON.stringify(a), JSON.stringify(b));
}

// Ids chosen so that one is often a proper prefix of another ("doc-1", "doc-1-2", "doc-1|x"): the
// case where comparing field by field and comparing the joined "id|role|use" strings can disagree.
const item: fc.Arbitrary<EvidenceItem> = fc.record({
  source: fc.constantFrom("procedure", "observation", "diagnostic_report", "immunization", "condition", "document"),
  sourceId: fc.constantFrom("doc-1", "doc-1-2", "doc-1|x", "doc-10", "doc", "a", "a|", "", "é"),
  role: fc.constantFrom("completion", "trigger", "exclusion", "trig", "trigger|x"),
  date: fc.constantFrom(null, "2024-01-01", "2024-01-02", "2019"),
  datePrecision: fc.constantFrom(null, "day", "year"),
  code: fc.constant(null),
  term: fc.option(fc.constantFrom("colonoscopy", "fit"), { nil: null }),
  snippet: fc.constant(null),
  context: fc.constant(null),
  confidence: fc.constantFrom(1, 0.5),
  matchedBy: fc.constantFrom("code", "keyword", "text"),
  use: fc.constantFrom("counted", "review", "ignored", "count"),
  note: fc.constant(null),
}) as fc.Arbitrary<EvidenceItem>;

describe("evidence order", () => {
  test("compareEvidence agrees in sign with the joined-string comparison it replaced", () => {
    fc.assert(fc.property(item, item, (a, b) => {
      expect(Math.sign(compareEvidence(a, b))).toBe(Math.sign(compareByDefinition(a, b)));
    }), { numRuns: 5000 });
  });

  test("a prefix id sorts by the separator, as the joined strings do", () => {
    const base = { source: "document", role: "completion", date: null, datePrecision: null, code: null, term: null, snippet: null, context: null, confidence: 1, matchedBy: "keyword", use: "counted", note: null } as const;
    // "doc-1|…" > "doc-1-2|…" because "|" (124) sorts after "-" (45), although "doc-1" < "doc-1-2".
    expect(compareEvidence({ ...base, sourceId: "doc-1" }, { ...base, sourceId: "doc-1-2" })).toBe(1);
  });

  test("sortEvidence sorts exactly as Array.prototype.sort with compareEvidence, short lists and long", () => {
    fc.assert(fc.property(fc.array(item, { maxLength: 40 }), (items) => {
      expect(sortEvidence([...items])).toEqual([...items].sort(compareByDefinition));
    }), { numRuns: 1000 });
  });
});
