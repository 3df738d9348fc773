import { toUnitConfidence, type OcrResult, type OcrWord } from "./ocr-provider";

/**
 * Turns the tesseract CLI's TSV output into text plus confidence. TSV is used instead of the plain
 * text output because it carries per-word confidence; the text is rebuilt from its line numbers:
 * words on a line joined by spaces, lines by newlines, paragraphs by a blank line (as tesseract does).
 */
export function parseTesseractTsv(tsv: string): OcrResult {
  const words: OcrWord[] = [];
  const paragraphs: string[][] = [];
  let paragraphKey = "";
  let lineKey = "";
  let line: string[] = [];
  const endLine = () => {
    if (line.length > 0) paragraphs.at(-1)?.push(line.join(" "));
    line = [];
  };
  for (const row of tsv.split("\n")) {
    const cells = row.split("\t");
    if (cells.length < 12 || cells[0] !== "5") continue;
    const [, page, block, par, lineNum, , , , , , conf, ...rest] = cells;
    const text = rest.join("\t").replace(/\r$/, "").trim();
    if (text.length === 0) continue;
    const thisParagraph = `${page}.${block}.${par}`;
    const thisLine = `${thisParagraph}.${lineNum}`;
    if (thisLine !== lineKey) {
      endLine();
      lineKey = thisLine;
    }
    if (thisParagraph !== paragraphKey) {
      paragraphs.push([]);
      paragraphKey = thisParagraph;
    }
    line.push(text);
    words.push({ text, confidence: toUnitConfidence(Number(conf)) });
  }
  endLine();
  const scored = words.filter((word) => word.confidence > 0);
  const confidence = scored.length === 0 ? 0 : scored.reduce((sum, word) => sum + word.confidence, 0) / scored.length;
  return { text: paragraphs.map((lines) => lines.join("\n")).join("\n\n"), confidence, words };
}
