import type { RenderBlock } from "./build-render-blocks";
import { contentWidth, createPdfPageLayout, page, type DrawOp, type FontName, type PageLayout, type PdfFonts } from "./create-pdf-page-layout";
import { wrapText } from "./wrap-text";

const body = 8.5;
const leading = body * 1.3;
const pad = 2.5;
const titleSize = 10;
const left = page.margin;
const noteLineGap = 20;
const signatureHeight = 30;

function wrap(layout: PageLayout, text: string, width: number, font: FontName = "regular", size = body): string[] {
  return wrapText(layout.clean(text, font), width, (s) => layout.measure(s, font, size));
}

function drawTitle(layout: PageLayout, title: string, size = titleSize) {
  layout.moveDown(size + 2);
  layout.text(left, layout.y, layout.clean(title, "bold"), size, "bold");
  layout.moveDown(4);
}

/**
 * A bold lead-in ("Active problems:") followed by wrapped text on the same line, so a list reads as
 * one paragraph and a section with one line of content costs one line of paper.
 */
function drawInline(layout: PageLayout, lead: string, text: string, options: { size?: number; boldText?: boolean; x?: number; width?: number } = {}) {
  const size = options.size ?? body;
  const x = options.x ?? left;
  const width = options.width ?? contentWidth;
  const lineHeight = size * 1.3;
  const leadText = lead ? `${layout.clean(lead, "bold")} ` : "";
  const leadWidth = leadText ? layout.measure(leadText, "bold", size) : 0;
  const font: FontName = options.boldText ? "bold" : "regular";
  const lines = wrapText(layout.clean(text, font), width, (s) => layout.measure(s, font, size), width - leadWidth);
  lines.forEach((line, i) => {
    layout.ensure(lineHeight + 1);
    if (i === 0 && leadText) layout.text(x, layout.y - size, leadText, size, "bold");
    layout.text(i === 0 ? x + leadWidth : x, layout.y - size, line, size, font);
    layout.moveDown(lineHeight);
  });
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
  layout.ensure(titleSize + 6 + headerHeight + leading + 2 * pad);
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

/** The summary as a shaded box: each line's lead-in ("Due at this visit:") in bold. */
function layoutSummary(layout: PageLayout, lines: readonly string[]) {
  layout.ensure(2 * leading + 8);
  layout.moveDown(4);
  const top = layout.y;
  const startPage = layout.pages.length;
  const ops = layout.pages.at(-1);
  const at = ops?.length ?? 0;
  layout.moveDown(pad + 1);
  for (const line of lines) {
    const split = line.indexOf(": ");
    if (split === -1) drawInline(layout, line, "", { size: 9, x: left + 5, width: contentWidth - 10 });
    else drawInline(layout, line.slice(0, split + 1), line.slice(split + 2), { size: 9, x: left + 5, width: contentWidth - 10 });
  }
  layout.moveDown(pad);
  // The shade goes under the text (drawn first) when the box stayed on one page.
  if (ops && layout.pages.length === startPage) ops.splice(at, 0, { kind: "rect", x: left, y: layout.y, width: contentWidth, height: top - layout.y, fillGray: 0.93, borderGray: null });
  layout.moveDown(2);
}

function layoutChecklist(layout: PageLayout, title: string, items: readonly string[]) {
  const columnWidth = contentWidth / 2;
  const rows: string[][] = [];
  for (let i = 0; i < items.length; i += 2) rows.push(items.slice(i, i + 2));
  layout.ensure(titleSize + 6 + leading + 2);
  drawTitle(layout, title);
  for (const pair of rows) {
    const wrapped = pair.map((item) => wrap(layout, item, columnWidth - 20));
    const height = Math.max(...wrapped.map((w) => w.length)) * leading + 2;
    layout.ensure(height);
    wrapped.forEach((lines, c) => {
      const x = left + c * columnWidth;
      layout.rect(x, layout.y - 2, 7, 7, null, 0.2);
      lines.forEach((line, n) => layout.text(x + 12, layout.y - body - n * leading, line, body, "regular"));
    });
    layout.moveDown(height);
  }
}

/**
 * Ruled lines for the provider fill what is left of the last page, up to the clinic's number: a
 * page of its own only when not even one line and the signature fit.
 */
function layoutNotes(layout: PageLayout, title: string, wanted: number) {
  const minimum = Math.min(wanted, 1);
  layout.ensure(titleSize + 6 + minimum * noteLineGap + signatureHeight + 4);
  drawTitle(layout, title);
  const fit = Math.floor((layout.spaceLeft - signatureHeight - 4) / noteLineGap);
  for (let i = 0; i < Math.max(minimum, Math.min(wanted, fit)); i++) {
    layout.ensure(noteLineGap);
    layout.moveDown(noteLineGap);
    layout.line(left, layout.y, left + contentWidth, layout.y, 0.5, 0.6);
  }
  layout.ensure(signatureHeight + 4);
  layout.moveDown(signatureHeight - 4);
  layout.text(left, layout.y, "Signature: ______________________________   Date: ______________", body, "regular");
}

function layoutBlock(layout: PageLayout, block: RenderBlock) {
  switch (block.kind) {
    case "table":
      return layoutTable(layout, block);
    case "summary":
      return layoutSummary(layout, block.lines);
    case "checklist":
      return layoutChecklist(layout, block.title, block.items);
    case "notes":
      return layoutNotes(layout, block.title, block.lines);
    case "paragraph":
      layout.ensure(leading + 6);
      layout.moveDown(5);
      drawInline(layout, `${block.title}:`, block.text);
      return;
    case "fields":
      layout.moveDown(2);
      for (const [label, value] of block.fields) drawInline(layout, `${label}:`, value);
      return;
    case "lines":
      layout.ensure(titleSize + 6 + 2 * leading);
      drawTitle(layout, block.title);
      for (const line of block.lines) {
        const lines = wrap(layout, line, contentWidth - 10);
        layout.ensure(lines.length * leading + 2);
        layout.text(left, layout.y - body, "\u2022", body, "bold");
        lines.forEach((text, n) => layout.text(left + 10, layout.y - body - n * leading, text, body, "regular"));
        layout.moveDown(lines.length * leading + 2);
      }
      return;
  }
}

/** Lays out every block onto pages; returns the draw operations per page. */
export function layoutPrepSheetPages(blocks: readonly RenderBlock[], fonts: PdfFonts): DrawOp[][] {
  const layout = createPdfPageLayout(fonts);
  for (const block of blocks) {
    layoutBlock(layout, block);
    layout.moveDown(3);
  }
  return layout.pages;
}
