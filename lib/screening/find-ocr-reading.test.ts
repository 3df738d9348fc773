import { describe, expect, it } from "vitest";
import { describeOcrReading, findOcrReading, findOcrReadingNote } from "./find-ocr-reading";
import { documentFactSchema } from "./patient-facts";

// Page 1 is a text layer (offsets 0–9), page 2 was OCR'd (12–29), page 3 too (31–40).
const text = `${"a".repeat(10)}\n\n${"b".repeat(18)}\n\n${"c".repeat(10)}`;
const paged = documentFactSchema.parse({
  id: "d1", category: "other", serviceDate: null, text, confidence: 0.8,
  ocrPages: [{ page: 2, start: 12, end: 30, confidence: 0.48 }, { page: 3, start: 32, end: 42, confidence: 0.93 }],
});
const unpaged = documentFactSchema.parse({ id: "d2", category: "other", serviceDate: null, text, confidence: 0.61 });
const notOcr = documentFactSchema.parse({ id: "d3", category: "other", serviceDate: null, text });

describe("findOcrReading: the page a mention was read from decides", () => {
  it.each([
    ["text-layer page of a mixed document", paged, true, 3, null],
    ["first character of an OCR'd page", paged, true, 12, { confidence: 0.48, page: 2 }],
    ["last character of an OCR'd page", paged, true, 29, { confidence: 0.48, page: 2 }],
    ["the blank line between pages", paged, true, 30, null],
    ["a good OCR'd page of the same document", paged, true, 35, { confidence: 0.93, page: 3 }],
    ["title of a paged document: its weakest OCR'd page", paged, false, 0, { confidence: 0.48, page: 2 }],
    ["document stored without page spans", unpaged, true, 20, { confidence: 0.61, page: null }],
    ["document never OCR'd", notOcr, true, 20, null],
    ["title of a document never OCR'd", notOcr, false, 0, null],
  ] as const)("%s", (_name, document, inText, offset, expected) => {
    expect(findOcrReading(document, inText, offset)).toEqual(expected);
  });
});

describe("describeOcrReading: what the clinician reads", () => {
  it.each([
    [{ confidence: 0.48, page: 2 }, "read by OCR at 48% confidence — check page 2"],
    [{ confidence: 0.61, page: null }, "read by OCR at 61% confidence — check the document"],
    // Rounded down: just under an 80% threshold must not read as 80%.
    [{ confidence: 0.799, page: 1 }, "read by OCR at 79% confidence — check page 1"],
    [{ confidence: 0.29, page: 1 }, "read by OCR at 29% confidence — check page 1"],
    [{ confidence: 0, page: 4 }, "read by OCR at 0% confidence — check page 4"],
  ])("%o", (reading, expected) => {
    expect(describeOcrReading(reading)).toBe(expected);
  });
});

describe("findOcrReadingNote: the printed sheet repeats only this reason", () => {
  it.each([
    [describeOcrReading({ confidence: 0.48, page: 2 }), describeOcrReading({ confidence: 0.48, page: 2 })],
    ["document has no service date; confirm when the test was done", null],
    ['past mention ("had a") without its own date: "She was read by OCR at home."', null],
    [null, null],
  ])("%s", (note, expected) => {
    expect(findOcrReadingNote(note)).toBe(expected);
  });
});
