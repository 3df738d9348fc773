import { readFile } from "node:fs/promises";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, StandardFonts, grayscale, type PDFPage } from "pdf-lib";
import { buildRenderBlocks, describePatient } from "./build-render-blocks";
import { contentWidth, createPdfTextSanitiser, page, type DrawOp, type PdfFonts } from "./create-pdf-page-layout";
import { layoutPrepSheetPages } from "./layout-prep-sheet-pages";
import type { PrepSheet } from "./prep-sheet-model";

/**
 * The prep sheet as a PDF: running header and footer on every page, "Page N of M", tables that flow
 * across pages with repeated headers, real text (selectable, extractable). The same sheet gives the
 * same bytes: dates come from `generatedAt`, producer and creator are fixed, and pdf-lib writes no
 * random document id.
 *
 * Fonts: DejaVu Sans and Sans Bold embedded as subsets (only the glyphs used; fixed font names, so
 * no random subset tag breaks byte equality). Where the font files are missing, pdf-lib's standard
 * Helvetica (WinAnsi) is used. Either way, text outside the font is transliterated by the sanitiser,
 * never dropped silently.
 */
const producer = "HealthPrep prep-sheet renderer 1 (pdf-lib 1.17.1)";
const dejaVuDir = "/usr/share/fonts/truetype/dejavu";

type FontFiles = { regular: Uint8Array; bold: Uint8Array } | null;
let fontFiles: Promise<FontFiles> | undefined;

/** The DejaVu files, read once per process; null (→ Helvetica) when they are not installed. */
function loadFontFiles(): Promise<FontFiles> {
  fontFiles ??= Promise.all([readFile(`${dejaVuDir}/DejaVuSans.ttf`), readFile(`${dejaVuDir}/DejaVuSans-Bold.ttf`)]).then(
    ([regular, bold]) => ({ regular, bold }),
    () => null,
  );
  return fontFiles;
}

async function embedFonts(doc: PDFDocument): Promise<PdfFonts> {
  const files = await loadFontFiles();
  if (!files) return { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  doc.registerFontkit(fontkit);
  return {
    regular: await doc.embedFont(files.regular, { subset: true, customName: "HPDJVS+DejaVuSans" }),
    bold: await doc.embedFont(files.bold, { subset: true, customName: "HPDJVB+DejaVuSans-Bold" }),
  };
}

function drawOp(target: PDFPage, op: DrawOp, fonts: PdfFonts) {
  if (op.kind === "text") target.drawText(op.text, { x: op.x, y: op.y, size: op.size, font: fonts[op.font], color: grayscale(0) });
  else if (op.kind === "line") target.drawLine({ start: { x: op.x1, y: op.y1 }, end: { x: op.x2, y: op.y2 }, thickness: op.thickness, color: grayscale(op.gray) });
  else {
    target.drawRectangle({
      x: op.x, y: op.y, width: op.width, height: op.height,
      ...(op.fillGray === null ? {} : { color: grayscale(op.fillGray) }),
      ...(op.borderGray === null ? {} : { borderColor: grayscale(op.borderGray), borderWidth: 0.6 }),
    });
  }
}

function drawRunningText(target: PDFPage, sheet: PrepSheet, fonts: PdfFonts, pageNumber: number, pageCount: number) {
  const clean = { regular: createPdfTextSanitiser(fonts.regular), bold: createPdfTextSanitiser(fonts.bold) };
  const right = page.width - page.margin;
  const fit = (text: string, font: "regular" | "bold", size: number, width: number) => {
    let out = clean[font](text);
    while (out.length > 1 && fonts[font].widthOfTextAtSize(out, size) > width) out = `${out.slice(0, -2)}\u2026`;
    return out;
  };
  const top = page.height - page.margin;
  const appointment = sheet.header.appointment?.display ?? "";
  const appointmentWidth = fonts.regular.widthOfTextAtSize(clean.regular(appointment), 8.5);
  target.drawText(fit(`Pre-visit prep sheet | ${sheet.header.clinicName}`, "bold", 10, contentWidth - appointmentWidth - 12), { x: page.margin, y: top - 10, size: 10, font: fonts.bold });
  target.drawText(clean.regular(appointment), { x: right - appointmentWidth, y: top - 10, size: 8.5, font: fonts.regular });
  // Every page names the patient: printed pages get separated.
  target.drawText(fit(describePatient(sheet), "regular", 9, contentWidth), { x: page.margin, y: top - 24, size: 9, font: fonts.regular });
  target.drawLine({ start: { x: page.margin, y: top - 30 }, end: { x: right, y: top - 30 }, thickness: 0.8, color: grayscale(0.3) });

  const pageLabel = `Page ${pageNumber} of ${pageCount}`;
  const labelWidth = fonts.regular.widthOfTextAtSize(pageLabel, 8);
  const footer = `Generated ${sheet.header.generatedDisplay} | Prep sheet ${sheet.id} | Confidential patient information`;
  target.drawLine({ start: { x: page.margin, y: 48 }, end: { x: right, y: 48 }, thickness: 0.5, color: grayscale(0.5) });
  target.drawText(fit(footer, "regular", 7, contentWidth - labelWidth - 12), { x: page.margin, y: 36, size: 7, font: fonts.regular });
  target.drawText(pageLabel, { x: right - labelWidth, y: 36, size: 8, font: fonts.regular });
}

export async function renderPrepSheetPdf(sheet: PrepSheet): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const fonts = await embedFonts(doc);
  const pages = layoutPrepSheetPages(buildRenderBlocks(sheet), fonts);
  pages.forEach((ops, index) => {
    const target = doc.addPage([page.width, page.height]);
    for (const op of ops) drawOp(target, op, fonts);
    drawRunningText(target, sheet, fonts, index + 1, pages.length);
  });
  // No patient details in document metadata: file managers and indexers show it without opening.
  const when = new Date(sheet.generatedAt);
  doc.setTitle("Pre-visit prep sheet");
  doc.setAuthor("HealthPrep");
  doc.setCreator("HealthPrep");
  doc.setProducer(producer);
  doc.setLanguage("en-US");
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return doc.save();
}
