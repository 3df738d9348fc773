import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sniffContentType, type DocumentKind } from "./sniff-content-type";

const ascii = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => Uint8Array.from(b);

describe("sniffContentType", () => {
  const cases: [string, Uint8Array, DocumentKind][] = [
    ["empty", new Uint8Array(), "empty"],
    ["pdf", ascii("%PDF-1.7\n%âãÏÓ\n"), "pdf"],
    ["pdf after junk (allowed within 1 KB)", ascii("garbage\r\n%PDF-1.4\n"), "pdf"],
    ["png", bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), "png"],
    ["jpeg", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16), "jpeg"],
    ["tiff little-endian", bytes(0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0), "tiff"],
    ["tiff big-endian", bytes(0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8), "tiff"],
    ["gif", ascii("GIF89a\x01\x00"), "gif"],
    ["bmp", bytes(0x42, 0x4d, 0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0), "bmp"],
    ["webp", ascii("RIFF\x24\x00\x00\x00WEBPVP8 "), "webp"],
    ["docx (zip)", bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0), "zip"],
    ["old office", bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), "ole"],
    ["rtf", ascii("{\\rtf1\\ansi hello}"), "rtf"],
    ["rtf with BOM", bytes(0xef, 0xbb, 0xbf, ...ascii("{\\rtf1 x}")), "rtf"],
    ["html doctype", ascii("<!DOCTYPE html><html><body>x</body></html>"), "html"],
    ["html fragment", ascii("\n  <p>Note</p>"), "html"],
    ["xhtml", ascii('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'), "html"],
    ["cda xml", ascii('<?xml version="1.0"?><ClinicalDocument xmlns="urn:hl7-org:v3">'), "xml"],
    ["plain utf-8", ascii("Date of Service: 03/02/2024\nNo acute distress. café"), "text"],
    ["plain windows-1252", bytes(...ascii("caf"), 0xe9, 0x20, 0x6e, 0x6f, 0x74, 0x65), "text"],
    ["utf-16 with BOM", bytes(0xff, 0xfe, 0x48, 0, 0x69, 0), "text"],
    ["text starting with BM", ascii("BMI 31.2, counseled"), "text"],
    ["binary with NULs", bytes(1, 2, 3, 0, 0, 0, 7, 8), "binary"],
  ];
  it.each(cases)("%s", (_name, input, expected) => {
    expect(sniffContentType(input)).toBe(expected);
  });

  it("ignores what the bytes were declared as: a PNG is a PNG", () => {
    expect(sniffContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a))).toBe("png");
  });

  it("never throws on random bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (input) => {
        expect(typeof sniffContentType(input)).toBe("string");
      }),
      { numRuns: 2000 },
    );
  });
});
