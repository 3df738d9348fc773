import type { RenderBlock } from "./build-render-blocks";
import { contentWidth, createPdfPageLayout, page, type DrawOp, type FontName, type PageLayout, type PdfFonts } from "./create-pdf-page-layout";
import { wrapText } from "./wrap-text";

const body = 8.5;
const leading = body * 1.3;
const pad = 3;
const left = page.margin;

function wrap(layout: PageLayout, text: string, width: number, font: FontName = "regular", size = body): string[] {
  return wrapText(layout.clean(text, font), width, (s) => layout.measure(s, font, size));
}

function drawTitle(layout: PageLayout, title: string, size = 11) {
  layout.moveDown(size + 2);
  layout.text(left, layout.y, layout.clean(title, "bold"), size, "bold");
  layout.moveDown(5);
}

type Table = Extract<RenderBlock, { kind: "table" }>;

function layoutTable(layout: PageLayout, table: Table) {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => (c.width / total) * contentWidth);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const wrapRow = (cells: string[], font: FontName) => cells.map((cell, i) => wrap(layout, cell, (widths[i] ?? 20) - 2 * pad, font));
  const header = wrapRow(table.columns.map((c) => c.label), "bold");
  const headerHeight = Math.max(...header.map((c) => c.length)) * leading + 2 * pad;

  const drawLines = (cells: string[][], from: number, count: number, font: FontName, fillGray: number | null) => {
    const height = count * leading + 2 * pad;
    if (fillGray !== null) layout.rect(left, layout.y, contentWidth, height, fillGray, null);
    cells.forEach((lines, i) => {
      lines.slice(from, from + count).forEach((line, n) => layout.text((xs[i] ?? left) + pad, layout.y - pad - body - n * leading + 1.5, line, body, font));
    });
    layout.moveDown(height);
    layout.line(left, layout.y, left + contentWidth, layout.y, 0.4, 0.75);
  };
  const drawHeader = () => drawLines(header, 0, header[0] ? Math.max(...header.map((c) => c.length)) : 1, "bold", 0.9);
  const continued = () => {
    drawTitle(layout, `${table.title} (continued)`, 9);
    drawHeader();
  };

  // Keep the title with the header and at least one line of the first row.
  layout.ensure(11 + 7 + headerHeight + leading + 2 * pad);
  drawTitle(layout, table.title);
  if (table.rows.length === 0) {
    layout.text(left, layout.y - body, layout.clean(table.empty, "regular"), body, "regular");
    layout.moveDown(leading + 2);
    return;
  }
  drawHeader();
  layout.setPageBreakHandler(continued);
  const freshLines = Math.floor((page.contentTop - 25 - headerHeight - page.contentBottom - 2 * pad) / leading);
  for (const row of table.rows) {
    const cells = wrapRow(row, "regular");
    const height = Math.max(...cells.map((c) => c.length));
    let start = 0;
    let moved = false;
    while (start < height) {
      const fit = Math.floor((layout.spaceLeft - 2 * pad) / leading);
      const remaining = height - start;
      if (fit >= remaining) {
        drawLines(cells, start, remaining, "regular", null);
        start = height;
      } else if (fit < 1 || (start === 0 && !moved && remaining <= freshLines)) {
        moved = true; // a row moves whole to the next page when it can fit there, once
        layout.newPage();
      } else {
        drawLines(cells, start, fit, "regular", null); // taller than a page: split by lines
        start += fit;
        layout.newPage();
      }
    }
  }
  layout.setPageBreakHandler(null);
}

function layoutBlock(layout: PageLayout, block: RenderBlock) {
  if (block.kind === "table") return layoutTable(layout, block);
  layout.ensure(11 + 7 + 2 * leading);
  drawTitle(layout, block.title);
  const rows: { prefix: string; text: string; indent: number; font: FontName }[] = [];
  if (block.kind === "fields") for (const [label, value] of block.fields) rows.push({ prefix: label, text: value, indent: 80, font: "regular" });
  if (block.kind === "lines") for (const line of block.lines) rows.push({ prefix: "\u2022", text: line, indent: 10, font: "regular" });
  if (block.kind === "checklist") for (const item of block.items) rows.push({ prefix: "", text: item, indent: 14, font: "regular" });
  for (const row of rows) {
    const lines = wrap(layout, row.text, contentWidth - row.indent, row.font);
    layout.ensure(lines.length * leading + 2);
    if (block.kind === "checklist") layout.rect(left, layout.y - 2, 7, 7, null, 0.2);
    else layout.text(left, layout.y - body, layout.clean(row.prefix, "bold"), body, "bold");
    lines.forEach((line, n) => layout.text(left + row.indent, layout.y - body - n * leading, line, body, row.font));
    layout.moveDown(lines.length * leading + 2);
  }
  if (block.kind === "notes") {
    for (let i = 0; i < block.lines; i++) {
      layout.ensure(20);
      layout.moveDown(20);
      layout.line(left, layout.y, left + contentWidth, layout.y, 0.5, 0.6);
    }
    layout.ensure(34);
    layout.moveDown(30);
    layout.text(left, layout.y, "Signature: ______________________________   Date: ______________", body, "regular");
  }
  layout.moveDown(4);
}

/** Lays out every block onto pages; returns the draw operations per page. */
export function layoutPrepSheetPages(blocks: readonly RenderBlock[], fonts: PdfFonts): DrawOp[][] {
  const layout = createPdfPageLayout(fonts);
  for (const block of blocks) layoutBlock(layout, block);
  return layout.pages;
}
