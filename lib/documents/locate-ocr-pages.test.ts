import { describe, expect, it } from "vitest";
import { assembleExtraction, type PageText } from "./extract-document-text";
import { locateOcrPages } from "./locate-ocr-pages";

/** Builds the document the way extraction does, then checks each span holds exactly its page's text. */
function assembled(pages: PageText[]) {
  const result = assembleExtraction(pages, "pdf");
  if (!result.ok) throw new Error(result.reason);
  return { text: result.text, spans: locateOcrPages(result.pages) };
}

describe("locateOcrPages: spans of OCR'd pages in the assembled text", () => {
  it.each([
    ["one OCR'd page", [{ number: 1, text: "Mammogram report\nBI-RADS 1", method: "ocr", confidence: 0.91 }]],
    ["text layer, then a scanned page", [
      { number: 1, text: "Cover letter from the imaging centre", method: "text-layer", confidence: 1 },
      { number: 2, text: "Screening mammogram\n\nImpression: negative", method: "ocr", confidence: 0.62 },
    ]],
    ["an empty scanned page in the middle", [
      { number: 1, text: "Colonoscopy report page one", method: "ocr", confidence: 0.88 },
      { number: 2, text: "   \n ", method: "ocr", confidence: 0 },
      { number: 3, text: "Findings: no polyps", method: "ocr", confidence: 0.47 },
    ]],
    ["text the extractor normalises (tabs, CRLF, trailing spaces)", [
      { number: 1, text: "Result:\tA1c  5.6 %  \r\nDate: 2025-01-02   ", method: "ocr", confidence: 0.7 },
      { number: 2, text: "Signed\r\n", method: "text-layer", confidence: 1 },
      { number: 3, text: "\r\n\r\nPage three  text\t\t", method: "ocr", confidence: 0.8 },
    ]],
  ] as [string, PageText[]][])("%s", (_name, pages) => {
    const { text, spans } = assembled(pages);
    const ocrPages = pages.filter((p) => p.method === "ocr" && p.text.trim() !== "");
    expect(spans.map((s) => s.page)).toEqual(ocrPages.map((p) => p.number));
    for (const span of spans) {
      const page = pages.find((p) => p.number === span.page)!;
      expect(span.confidence).toBe(page.confidence);
      // The span is the page's own words, nothing of its neighbours.
      const words = text.slice(span.start, span.end).split(/\s+/).filter(Boolean);
      expect(words).toEqual(page.text.split(/\s+/).filter(Boolean));
      expect([undefined, "\n"]).toContain(text[span.end]);
    }
  });
});
