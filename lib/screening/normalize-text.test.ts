import { describe, expect, test } from "vitest";
import { compactPhrase, countPhraseWords, normalizeText } from "./normalize-text";

/** The tokens between boundaries, for readable expectations. */
function tokens(text: string): string[] {
  const n = normalizeText(text);
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < n.compact.length; i++) {
    if (n.boundary[i] && current) {
      out.push(current);
      current = "";
    }
    current += n.compact[i];
  }
  if (current) out.push(current);
  return out;
}

describe("normalizeText", () => {
  test.each([
    ["dxa_scan.pdf", ["dxa", "scan", "pdf"]],
    ["DXA-Scan_2024.PDF", ["dxa", "scan", "2024", "pdf"]],
    ["dxaScan", ["dxa", "scan"]],
    ["DXAScan", ["dxa", "scan"]],
    ["colonoscopy_report", ["colonoscopy", "report"]],
    ["mammo2024", ["mammo", "2024"]],
    ["HbA1c", ["hb", "a", "1", "c"]],
    ["HBA1C", ["hba", "1", "c"]],
    ["Pap  smear!!", ["pap", "smear"]],
    ["Mammographie échographie", ["mammographie", "echographie"]],
    ["Mammographie e\u0301chographie", ["mammographie", "echographie"]],
    ["ＤＸＡ", ["dxa"]],
    ["", []],
    ["--- ...", []],
  ])("%s → %o", (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });

  test("compact text maps back to source offsets", () => {
    const n = normalizeText("A_dxa");
    expect(n.compact).toBe("adxa");
    expect(n.sourceIndex).toEqual([0, 2, 3, 4]);
    expect(n.boundary).toHaveLength(5);
  });

  test("clauses break at sentence punctuation and line breaks but not inside 7.2 or scan.pdf", () => {
    const n = normalizeText("A1c 7.2 on scan.pdf. Next line\nthird; fourth");
    const clauseOf = (needle: string) => n.clause[n.compact.indexOf(needle)];
    expect(clauseOf("a1c")).toBe(clauseOf("pdf"));
    expect(clauseOf("next")).toBe((clauseOf("pdf") ?? 0) + 1);
    expect(clauseOf("third")).toBe((clauseOf("next") ?? 0) + 1);
    expect(clauseOf("fourth")).toBe((clauseOf("third") ?? 0) + 1);
  });

  test("words split at separators and camelCase only", () => {
    expect(countPhraseWords("low-dose CT")).toBe(3);
    expect(countPhraseWords("HbA1c")).toBe(2);
    expect(countPhraseWords("")).toBe(0);
    expect(compactPhrase("Bone-Density")).toBe("bonedensity");
  });
});
