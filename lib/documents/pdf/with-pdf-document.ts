import path from "node:path";
import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import { ExtractionError } from "../extraction-result";
import { OcrFailedError } from "../ocr/ocr-provider";

type PdfJs = typeof PdfJsModule;
let pdfjsModule: Promise<PdfJs> | undefined;

/** The legacy build is the one pdf.js supports on Node; the modern build warns and lacks polyfills. */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsModule ??= import("pdfjs-dist/legacy/build/pdf.mjs");
  return pdfjsModule;
}

function toExtractionError(error: unknown): ExtractionError {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") {
    return new ExtractionError("encrypted", "The PDF is password-protected.", { cause: error });
  }
  if (name === "InvalidPDFException") {
    return new ExtractionError("corrupt", "The PDF is damaged or is not a PDF.", { cause: error });
  }
  if (error instanceof ExtractionError) return error;
  return new ExtractionError("corrupt", "The PDF could not be read.", { cause: error });
}

/**
 * Opens a PDF with pdf.js, runs `use`, and always destroys the loading task (pdfjs 6 has no
 * PDFDocumentProxy.destroy). Every pdf.js failure becomes an ExtractionError with a plain reason.
 */
export async function withPdfDocument<T>(bytes: Uint8Array, use: (doc: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const pdfjs = await loadPdfJs();
  // Not require.resolve: Turbopack rewrites it to a module id. The app runs from the project root.
  const dir = path.join(process.cwd(), "node_modules", "pdfjs-dist");
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given, so hand it a copy.
    data: bytes.slice(),
    standardFontDataUrl: `${dir}/standard_fonts/`,
    cMapUrl: `${dir}/cmaps/`,
    wasmUrl: `${dir}/wasm/`,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    stopAtErrors: false,
  });
  try {
    let doc: PDFDocumentProxy;
    try {
      doc = await task.promise;
    } catch (error) {
      throw toExtractionError(error);
    }
    try {
      return await use(doc);
    } catch (error) {
      // OCR engine failures are the server's, not the PDF's: let them through for a retry.
      if (error instanceof ExtractionError || error instanceof OcrFailedError) throw error;
      throw toExtractionError(error);
    }
  } finally {
    await task.destroy().catch(() => {});
  }
}
