import type { DocumentFact } from "./patient-facts";

/** How sure the OCR engine was of the words a mention came from, and the page they are on. */
export type OcrReading = { confidence: number; page: number | null };

/**
 * The OCR reading behind a mention at `offset` of a document field; null when no OCR was involved.
 * In the text of a document with page spans, the page holding the mention decides: a text-layer
 * page says what the document says, and one poor page of a long fax must not hide behind the
 * document's average. A mention in the title or file name names the whole document, so its weakest
 * OCR'd page decides. A document stored without spans falls back to its own confidence.
 */
export function findOcrReading(document: DocumentFact, inText: boolean, offset: number): OcrReading | null {
  const pages = document.ocrPages;
  if (pages.length === 0) return document.confidence === null ? null : { confidence: document.confidence, page: null };
  let page: DocumentFact["ocrPages"][number] | undefined;
  if (inText) page = pages.find((p) => offset >= p.start && offset < p.end);
  else for (const p of pages) if (page === undefined || p.confidence < page.confidence) page = p;
  return page ? { confidence: page.confidence, page: page.page } : null;
}

const notePrefix = "read by OCR at ";

/**
 * The reason a clinician reads. The percentage is rounded down so a reading just under the
 * threshold never shows as the threshold itself.
 */
export function describeOcrReading(reading: OcrReading): string {
  // The epsilon keeps binary fractions (0.29 * 100 = 28.999…) from losing a point.
  const percent = Math.floor(reading.confidence * 100 + 1e-9);
  return `${notePrefix}${percent}% confidence — check ${reading.page === null ? "the document" : `page ${reading.page}`}`;
}

/** An evidence note that is describeOcrReading's reason, for the printed sheet to repeat; else null. */
export function findOcrReadingNote(note: string | null): string | null {
  return note !== null && note.startsWith(notePrefix) ? note : null;
}
