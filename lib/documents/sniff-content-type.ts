/**
 * Detects what a document really is from its bytes. The declared contentType from the EHR is
 * often wrong (scans sent as application/octet-stream, RTF labelled text/plain), so it is ignored.
 */
import { decodeText } from "./decode-text";

export const supportedKinds = ["pdf", "png", "jpeg", "tiff", "rtf", "html", "text"] as const;
export type SupportedKind = (typeof supportedKinds)[number];
export type DocumentKind = SupportedKind | "gif" | "bmp" | "webp" | "zip" | "ole" | "xml" | "empty" | "binary";

export const mimeTypeByKind: Record<DocumentKind, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpeg: "image/jpeg",
  tiff: "image/tiff",
  rtf: "text/rtf",
  html: "text/html",
  text: "text/plain",
  gif: "image/gif",
  bmp: "image/bmp",
  webp: "image/webp",
  zip: "application/zip",
  ole: "application/x-ole-storage",
  xml: "application/xml",
  empty: "application/x-empty",
  binary: "application/octet-stream",
};

export function isSupportedKind(kind: DocumentKind): kind is SupportedKind {
  return (supportedKinds as readonly string[]).includes(kind);
}

const dibHeaderSizes = [12, 40, 52, 56, 64, 108, 124];

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((b, i) => bytes[at + i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string, limit: number): number {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** Text that begins with markup: HTML wins over generic XML, so XHTML counts as HTML. */
function sniffMarkup(head: string): DocumentKind | null {
  const start = head.trimStart().toLowerCase();
  if (!start.startsWith("<")) return null;
  if (/^<(!doctype\s+html|html|head|body|meta|title|p|div|table|h[1-6]|br|span|font)[\s>/]/.test(start)) return "html";
  if (/^<!--/.test(start) && /<html[\s>]/.test(start)) return "html";
  if (start.startsWith("<?xml") || /^<[a-z][\w:.-]*[\s>]/.test(start)) return /<html[\s>]/.test(start) ? "html" : "xml";
  return null;
}

/** Plain text: decodes as UTF-8 (or UTF-16 with a BOM) and has almost no control characters. */
function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return sample.length % 2 === 0;
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (controls > sample.length * 0.01) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample.length < bytes.length ? trimPartialUtf8(sample) : sample);
    return true;
  } catch {
    // Not UTF-8: legacy single-byte text (Windows-1252) is still text when it has no controls.
    return controls === 0;
  }
}

/** A sample cut mid-character must not make valid UTF-8 look invalid. */
function trimPartialUtf8(sample: Uint8Array): Uint8Array {
  const end = sample.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const b = sample[end - i] ?? 0;
    if ((b & 0xc0) === 0xc0) return sample.subarray(0, end - i);
    if ((b & 0x80) === 0) break;
  }
  return sample;
}

export function sniffContentType(bytes: Uint8Array): DocumentKind {
  if (bytes.length === 0) return "empty";
  if (indexOfAscii(bytes, "%PDF-", 1024) >= 0) return "pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return "gif";
  if (startsWith(bytes, [0x42, 0x4d]) && dibHeaderSizes.includes(bytes[14] ?? 0) && startsWith(bytes, [0, 0, 0], 15)) return "bmp";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "webp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66], bom)) return "rtf";
  if (!looksLikeText(bytes)) return "binary";
  const head = decodeText(bytes.subarray(0, 2048));
  return sniffMarkup(head) ?? "text";
}
