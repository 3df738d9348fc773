import type { ExtractedPage } from "./extraction-result";

/** Where an OCR'd page's text sits in the document text ([start, end)) and how sure the engine was. */
export type OcrPageSpan = { page: number; start: number; end: number; confidence: number };

/** Pages are joined by a blank line (assembleExtraction); a page without text adds nothing. */
const pageSeparatorLength = 2;

/**
 * The spans of the OCR'd pages in the text assembleExtraction builds from `pages` (in page order,
 * empty pages left out), so screening can tell which page a mention was read from. Text-layer and
 * text-document pages are not listed: their words are what the document says.
 */
export function locateOcrPages(pages: readonly ExtractedPage[]): OcrPageSpan[] {
  const spans: OcrPageSpan[] = [];
  let offset = 0;
  for (const page of pages) {
    if (page.chars === 0) continue;
    if (page.method === "ocr") spans.push({ page: page.number, start: offset, end: offset + page.chars, confidence: page.confidence });
    offset += page.chars + pageSeparatorLength;
  }
  return spans;
}
