import { describe, expect, it } from "vitest";
import { parseTesseractTsv } from "./parse-tesseract-tsv";

const header = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext";
const word = (block: number, par: number, line: number, n: number, conf: number, text: string) =>
  `5\t1\t${block}\t${par}\t${line}\t${n}\t0\t0\t10\t10\t${conf}\t${text}`;

describe("parseTesseractTsv", () => {
  it("rebuilds lines and paragraphs and averages word confidence", () => {
    const tsv = [
      header,
      "1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t",
      word(1, 1, 1, 1, 96, "Lakeside"),
      word(1, 1, 1, 2, 90, "Imaging"),
      word(1, 1, 2, 1, 80, "Center"),
      word(1, 2, 1, 1, 70, "BI-RADS"),
      word(2, 1, 1, 1, -1, " "),
    ].join("\n");
    const result = parseTesseractTsv(tsv);
    expect(result.text).toBe("Lakeside Imaging\nCenter\n\nBI-RADS");
    expect(result.confidence).toBeCloseTo((0.96 + 0.9 + 0.8 + 0.7) / 4, 5);
    expect(result.words).toHaveLength(4);
  });

  it("gives empty text and zero confidence for a blank page", () => {
    expect(parseTesseractTsv(`${header}\n1\t1\t0\t0\t0\t0\t0\t0\t10\t10\t-1\t\n`)).toEqual({ text: "", confidence: 0, words: [] });
  });
});
