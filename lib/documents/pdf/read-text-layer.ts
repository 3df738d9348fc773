import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { TextItem } from "pdfjs-dist/types/src/display/api";

/**
 * The page's text layer as lines. pdf.js gives positioned runs; a run that starts on a new
 * baseline starts a new line, and a visible horizontal gap between runs becomes a space, because
 * many PDF writers position words instead of emitting space characters.
 */
export async function readTextLayer(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  let out = "";
  let previous: TextItem | undefined;
  for (const item of content.items) {
    if (!("str" in item)) continue;
    if (previous && !previous.hasEOL && item.str.length > 0) {
      const [, , , , prevX = 0, prevY = 0] = previous.transform as number[];
      const [, , , , x = 0, y = 0] = item.transform as number[];
      const fontSize = Math.max(1, Math.abs(previous.height) || Math.abs((previous.transform as number[])[3] ?? 1));
      if (Math.abs(y - prevY) > fontSize * 0.5) out += "\n";
      else if (x - (prevX + previous.width) > fontSize * 0.2 && !/\s$/.test(out) && !/^\s/.test(item.str)) out += " ";
    }
    out += item.str;
    if (item.hasEOL) out += "\n";
    if (item.str.length > 0 || item.hasEOL) previous = item;
  }
  return out;
}

/** Letters and digits: what makes a text layer worth trusting. */
export function countMeaningfulChars(text: string): number {
  return text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
}

/**
 * Whether a page must be OCR'd: its text layer is (nearly) empty, mostly unmappable glyphs (fonts
 * without a Unicode map), or a large scanned image carries a thin text overlay such as a fax header.
 */
export function decideNeedsOcr(text: string, imageCoverage: number): boolean {
  const meaningful = countMeaningfulChars(text);
  if (meaningful < 20) return true;
  const visible = text.replace(/\s/g, "");
  const garbage = visible.match(/[\p{Co}\p{Cc}\ufffd]/gu)?.length ?? 0;
  if (garbage / visible.length > 0.2) return true;
  return imageCoverage >= 0.5 && meaningful < 200;
}
