import { readFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { encodeTestTiff } from "@/tests/fixtures/documents/encode-test-tiff";
import { decodeAttachmentData } from "./decode-attachment-data";
import { extractDocumentText } from "./extract-document-text";
import type { ExtractionLimits, ExtractionResult, FailureReason } from "./extraction-result";
import { createTesseractJsProvider } from "./ocr/providers/tesseract-js";

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(process.cwd(), "tests/fixtures/documents", name)));
const ascii = (s: string) => new TextEncoder().encode(s);
const limits: ExtractionLimits = { maxBytes: 2_000_000, maxPages: 25, ocrTimeoutMs: 30_000, ocrDpi: 200 };
const ocr = createTesseractJsProvider({ poolSize: 1 });
afterAll(() => ocr.close());

function patch(bytes: Uint8Array, at: number, values: number[], littleEndian = false): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  values.forEach((v, i) => view.setUint32(at + i * 4, v, littleEndian));
  return copy;
}

async function makePdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([200, 200]);
  return doc.save();
}

async function makeBadInputs(): Promise<[string, Uint8Array, FailureReason, string?][]> {
  const pdf = fixture("lab-text-layer.pdf");
  const png = fixture("mammogram.png");
  const jpg = fixture("pathology.jpg");
  const tiff = fixture("consult-fax-be.tif");
  const scrambledPng = png.slice();
  for (let i = 60; i < scrambledPng.length - 20; i++) scrambledPng[i] = (i * 31) & 255;
  const sofAt = jpg.findIndex((b, i) => b === 0xff && jpg[i + 1] === 0xc0);
  const hugeJpeg = jpg.slice();
  hugeJpeg.set([0xff, 0xf0, 0xff, 0xf0], sofAt + 5);
  const gray = { width: 8, height: 8, gray: new Uint8Array(64).fill(255) };
  const bigTiff = Uint8Array.from([0x49, 0x49, 0x2b, 0x00, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  const tiffIfd = new DataView(tiff.buffer, tiff.byteOffset).getUint32(4);
  return [
    ["zero bytes", new Uint8Array(), "empty"],
    ["a single NUL byte", Uint8Array.of(0), "unsupported_type"],
    ["random binary", Uint8Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256), "unsupported_type"],
    ["PDF header only", ascii("%PDF-1.7\n"), "corrupt"],
    ["PDF header and garbage", fixture("corrupt.pdf"), "corrupt"],
    ["PDF truncated to 300 bytes", pdf.subarray(0, 300), "corrupt"],
    ["PDF truncated to 40 %", pdf.subarray(0, Math.floor(pdf.length * 0.4)), "corrupt"],
    ["PDF truncated to 90 %", pdf.subarray(0, Math.floor(pdf.length * 0.9)), "corrupt"],
    ["encrypted PDF", fixture("encrypted.pdf"), "encrypted"],
    ["PDF with no pages", await makePdf(0), "empty"],
    ["PDF with only a blank page", await makePdf(1), "empty"],
    ["PDF with too many pages", await makePdf(30), "too_many_pages"],
    ["PDF over the byte limit", Uint8Array.from([...ascii("%PDF-1.7\n"), ...new Uint8Array(2_000_001)]), "too_large"],
    ["PNG signature and garbage", Uint8Array.from([...png.subarray(0, 8), ...ascii("not a png at all, just words")]), "corrupt"],
    ["PNG with scrambled pixel data", scrambledPng, "corrupt"],
    ["PNG truncated in half", png.subarray(0, png.length >> 1), "corrupt"],
    ["PNG claiming 100000×100000 pixels", patch(png, 16, [100_000, 100_000]), "too_large"],
    ["JPEG marker and garbage", Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x01, 0x02]), "corrupt"],
    ["JPEG claiming 61680×61680 pixels", hugeJpeg, "too_large"],
    ["TIFF header only", Uint8Array.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), "corrupt"],
    ["TIFF whose page list loops", patch(tiff, tiffIfd + 2 + new DataView(tiff.buffer).getUint16(tiffIfd) * 12, [tiffIfd]), "corrupt"],
    ["TIFF with strips past the end", tiff.subarray(0, 400), "corrupt"],
    ["BigTIFF", bigTiff, "unsupported_type"],
    ["TIFF with too many pages", encodeTestTiff(Array.from({ length: 30 }, () => gray), { littleEndian: true }), "too_many_pages"],
    ["TIFF claiming a huge page", encodeTestTiff([{ ...gray, width: 9_000_000 }], { littleEndian: true }), "too_large"],
    ["GIF image", ascii("GIF89a\x10\x00\x10\x00"), "unsupported_type"],
    ["BMP image", Uint8Array.from([0x42, 0x4d, 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0]), "unsupported_type"],
    ["WebP image", ascii("RIFF\x24\x00\x00\x00WEBPVP8 "), "unsupported_type"],
    ["DOCX declared as a PDF", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0]), "unsupported_type", "application/pdf"],
    ["legacy .doc", Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "unsupported_type"],
    ["CDA XML", ascii('<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3"/>'), "unsupported_type"],
    ["HTML with only scripts and styles", ascii("<html><script>document.write('PHI here')</script><style>p{}</style></html>"), "empty"],
    ["HTML with an empty body", ascii("<!DOCTYPE html><html><body>  </body></html>"), "empty"],
    ["RTF with only a font table", ascii("{\\rtf1{\\fonttbl{\\f0 Arial;}}}"), "empty"],
    ["whitespace-only text", ascii(" \n\t\n "), "empty"],
  ];
}

describe("extractDocumentText with bad inputs", () => {
  it("ends every bad input failed-with-reason while the batch goes on", async () => {
    const bad = await makeBadInputs();
    expect(bad.length).toBeGreaterThanOrEqual(30);
    const good = [fixture("lab-text-layer.pdf"), fixture("visit-note.txt")];
    // Declared types are deliberately wrong: detection goes by the bytes.
    const results = await Promise.all([
      ...bad.map(([, bytes, , declared]) => extractDocumentText(bytes, { ocr, limits, declaredContentType: declared ?? "image/png" })),
      ...good.map((bytes) => extractDocumentText(bytes, { ocr, limits, declaredContentType: "application/octet-stream" })),
    ]);
    const outcomes = results.map((r: ExtractionResult, i) => [bad[i]?.[0] ?? `good ${i}`, r.ok ? "ok" : r.reason]);
    expect(outcomes).toEqual([...bad.map(([name, , reason]) => [name, reason]), ["good 35", "ok"], ["good 36", "ok"]]);
    for (const result of results) {
      if (!result.ok) {
        expect(result.message.length).toBeGreaterThan(10);
        expect(result.message).not.toMatch(/PHI here|document\.write/);
      }
    }
    const docx = results[bad.findIndex(([name]) => name.startsWith("DOCX"))];
    expect(docx?.ok ? "" : docx?.message).toMatch(/ZIP archive.*declared as application\/pdf/);
  });

  it.each([
    ["not base64!", "corrupt"],
    ["QUJD\nRA=", "corrupt"],
  ])("rejects bad inline base64 %j", (data, reason) => {
    expect(decodeAttachmentData(data)).toMatchObject({ ok: false, reason });
  });

  it("decodes valid inline base64, ignoring line breaks", () => {
    const decoded = decodeAttachmentData("SGVs\r\nbG8=");
    expect(decoded.ok && new TextDecoder().decode(decoded.bytes)).toBe("Hello");
  });
});
