import type { PDFFont } from "pdf-lib";
import { toAsciiChar } from "./to-ascii-text";

/**
 * A cursor over US Letter pages that records draw operations instead of drawing, so the total page
 * count is known before anything is painted ("Page N of M") and the layout stays testable.
 */
export type FontName = "regular" | "bold";
export type DrawOp =
  | { kind: "text"; x: number; y: number; text: string; size: number; font: FontName }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; thickness: number; gray: number }
  | { kind: "rect"; x: number; y: number; width: number; height: number; fillGray: number | null; borderGray: number | null };

export const page = { width: 612, height: 792, margin: 40, contentTop: 792 - 84, contentBottom: 60 } as const;
export const contentWidth = page.width - 2 * page.margin;

export type PdfFonts = Record<FontName, PDFFont>;

/** Text the font can encode: unsupported glyphs become ASCII look-alikes, so drawing never throws. */
export function createPdfTextSanitiser(font: PDFFont): (text: string) => string {
  const supported = new Set(font.getCharacterSet());
  return (text) => {
    let out = "";
    for (const char of text.normalize("NFC").replace(/[\u0000-\u001f\u007f]+/g, " ")) {
      const code = char.codePointAt(0) ?? 0;
      out += supported.has(code) ? char : toAsciiChar(char);
    }
    return out;
  };
}

export type PageLayout = ReturnType<typeof createPdfPageLayout>;

export function createPdfPageLayout(fonts: PdfFonts) {
  const pages: DrawOp[][] = [];
  let ops: DrawOp[] = [];
  let y: number = page.contentTop;
  let onNewPage: (() => void) | null = null;
  const clean = { regular: createPdfTextSanitiser(fonts.regular), bold: createPdfTextSanitiser(fonts.bold) };

  const layout = {
    pages,
    get y() {
      return y;
    },
    get spaceLeft() {
      return y - page.contentBottom;
    },
    clean: (text: string, font: FontName) => clean[font](text),
    measure: (text: string, font: FontName, size: number) => fonts[font].widthOfTextAtSize(text, size),
    /** Called after each page break, e.g. to repeat a table's header row. */
    setPageBreakHandler(handler: (() => void) | null) {
      onNewPage = handler;
    },
    newPage() {
      ops = [];
      pages.push(ops);
      y = page.contentTop;
      onNewPage?.();
    },
    /** Breaks the page unless `height` points still fit; returns true when it broke. */
    ensure(height: number): boolean {
      if (y - height >= page.contentBottom || y === page.contentTop) return false;
      layout.newPage();
      return true;
    },
    moveDown(points: number) {
      y -= points;
    },
    text(x: number, baseline: number, text: string, size: number, font: FontName) {
      ops.push({ kind: "text", x, y: baseline, text, size, font });
    },
    line(x1: number, y1: number, x2: number, y2: number, thickness = 0.5, gray = 0.6) {
      ops.push({ kind: "line", x1, y1, x2, y2, thickness, gray });
    },
    rect(x: number, top: number, width: number, height: number, fillGray: number | null, borderGray: number | null) {
      ops.push({ kind: "rect", x, y: top - height, width, height, fillGray, borderGray });
    },
  };
  layout.newPage();
  return layout;
}
