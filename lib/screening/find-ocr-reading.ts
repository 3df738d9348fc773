import type { DocumentFact } from "./patient-facts";

/** How sure the OCR engine was of the words a mention came from, and the page they are on. */
export type OcrReading = { confidence: number; page: number | null };

/**
 * The OCR reading behind a mention at `offset` of a document field; null when no OCR was involved.
 * In the text of a document with page spans, the page holding the mention decides: a text-layer
 * page says what the document says, and one poor page of a long fax must not hide behind the
 * document's average. A mention in the title or file name, or a document stored without spans,
 * falls back to the document's confidence.
 */
export function findOcrReading(document: DocumentFact, inText: boolean, offset: number): OcrReading | null {
  if (inText && document.ocrPages.length > 0) {
    const page = document.ocrPages.find((p) => offset >= p.start && offset < p.end);
    return page ? { confidence: page.confidence, page: page.page } : null;
  }
  return document.confidence === null ? null : { confidence: document.confidence, page: null };
}

/**
 * The reason a clinician reads. The percentage is rounded down so a reading just under the
 * threshold never shows as the threshold itself.
 */
export function describeOcrReading(reading: OcrReading): string {
  // The epsilon keeps binary fractions (0.29 * 100 = 28.999…) from losing a point.
  const percent = Math.floor(reading.confidence * 100 + 1e-9);
  return `read by OCR at ${percent}% confidence — check ${reading.page === null ? "the document" : `page ${reading.page}`}`;
}
