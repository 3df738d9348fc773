import { PDFDocument, StandardFonts } from "pdf-lib";

const pageWidth = 612;
const pageHeight = 792;

/** A PDF with a real text layer (what pdf.js text extraction reads). */
export async function textPdf(title: string, lines: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreationDate(new Date("2020-01-01T00:00:00Z"));
  pdf.setModificationDate(new Date("2020-01-01T00:00:00Z"));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([pageWidth, pageHeight]);
  page.drawText(title, { x: 54, y: pageHeight - 72, size: 16, font: bold });
  let y = pageHeight - 104;
  for (const line of lines) {
    if (y < 60) {
      page = pdf.addPage([pageWidth, pageHeight]);
      y = pageHeight - 72;
    }
    page.drawText(line, { x: 54, y, size: 11, font });
    y -= 16;
  }
  return pdf.save({ useObjectStreams: false });
}

/**
 * A page image like a fax or scanner produces: off-white, slightly rotated, grey text. OCR has to read
 * it; there is no text layer. Rendered with @napi-rs/canvas (loaded only when the default seed is built).
 */
export async function scanImage(title: string, lines: readonly string[], format: "png" | "jpeg"): Promise<Uint8Array> {
  const { createCanvas } = await import("@napi-rs/canvas");
  const canvas = createCanvas(1275, 1650);
  const g = canvas.getContext("2d");
  g.fillStyle = "#f4f2ec";
  g.fillRect(0, 0, 1275, 1650);
  g.translate(60, 40);
  g.rotate(0.006);
  g.fillStyle = "#222";
  g.font = "bold 40px sans-serif";
  g.fillText(title, 40, 90);
  g.font = "28px sans-serif";
  lines.forEach((line, i) => g.fillText(line, 40, 170 + i * 44));
  return format === "png" ? canvas.encode("png") : canvas.encode("jpeg", 80);
}

/** An image-only PDF: one scanned page, no text layer. */
export async function scannedPdf(title: string, lines: readonly string[]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const png = await pdf.embedPng(await scanImage(title, lines, "png"));
  const page = pdf.addPage([pageWidth, pageHeight]);
  page.drawImage(png, { x: 0, y: 0, width: pageWidth, height: pageHeight });
  return pdf.save({ useObjectStreams: false });
}
