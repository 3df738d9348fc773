import { createHash } from "node:crypto";
import path from "node:path";
import { PDFDict, PDFDocument, PDFName } from "pdf-lib";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { describe, expect, it } from "vitest";
import { buildPrepSheet } from "./build-prep-sheet";
import { buildLongHistoryInput, buildPrepInput, buildScreening } from "./build-test-prep-input";
import { renderPrepSheetPdf } from "./render-prep-sheet-pdf";

const standardFontDataUrl = path.join(process.cwd(), "node_modules", "pdfjs-dist", "standard_fonts/");
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function extractPages(bytes: Uint8Array): Promise<string[]> {
  const task = getDocument({ data: bytes.slice(), standardFontDataUrl, verbosity: 0 });
  const pdf = await task.promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    // Cells wrap, so compare on text with whitespace collapsed.
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" ").replace(/\s+/g, " "));
  }
  await task.destroy();
  return pages;
}

describe("renderPrepSheetPdf", () => {
  it("gives the same bytes for the same sheet", async () => {
    const sheet = buildPrepSheet(buildLongHistoryInput(60));
    const [a, b] = [await renderPrepSheetPdf(sheet), await renderPrepSheetPdf(structuredClone(sheet))];
    expect(sha256(a)).toBe(sha256(b));
    // DejaVu Sans is embedded as a subset under a fixed name (pdf-lib's default name carries a random suffix).
    const loaded = await PDFDocument.load(a);
    const baseFonts = loaded.context.enumerateIndirectObjects().flatMap(([, obj]) => {
      const base = obj instanceof PDFDict && obj.get(PDFName.of("Subtype"))?.toString() === "/Type0" ? obj.get(PDFName.of("BaseFont")) : undefined;
      return base ? [base.toString()] : [];
    });
    expect(baseFonts.sort()).toEqual(["/HPDJVB+DejaVuSans-Bold", "/HPDJVS+DejaVuSans"]);
    expect(a.length).toBeLessThan(200_000);
    const task = getDocument({ data: a.slice(), standardFontDataUrl, verbosity: 0 });
    const { info } = await (await task.promise).getMetadata();
    await task.destroy();
    // Dates come from generatedAt, and the metadata names no patient.
    expect(info).toMatchObject({ CreationDate: "D:20260302231500Z", ModDate: "D:20260302231500Z", Title: "Pre-visit prep sheet", Creator: "HealthPrep" });
  });

  it("grows in pages with rows, with header, footer and page numbers on each page", async () => {
    const counts: number[] = [];
    for (const labs of [0, 60, 200]) {
      const pages = await extractPages(await renderPrepSheetPdf(buildPrepSheet(buildLongHistoryInput(labs))));
      counts.push(pages.length);
      pages.forEach((text, i) => {
        expect(text).toContain("Pre-visit prep sheet | Riverside Family Medicine");
        expect(text).toContain("Zoë Ann Testpatient | DOB 1961-03-03 | 65 y Female");
        expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
        expect(text).toContain("Confidential patient information");
      });
    }
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
    const long = await extractPages(await renderPrepSheetPdf(buildPrepSheet(buildLongHistoryInput(200))));
    // The lab table flows on: its title and column headers repeat on the next page.
    const continued = long.filter((t) => t.includes("Recent labs (continued)"));
    expect(continued.length).toBeGreaterThan(1);
    for (const page of continued) expect(page).toContain("Recent labs (continued) Date Test Result Unit Ref range Flag");
  });

  it("holds every section as extractable text", async () => {
    const text = (await extractPages(await renderPrepSheetPdf(buildPrepSheet(buildPrepInput())))).join(" ");
    for (const section of ["Patient and visit", "Data windows", "Screening checklist", "Quality measures 2026", "Immunizations due", "Recent labs", "Imaging", "Consults", "Hospital and ED visits", "Active conditions", "Immunizations given", "Pre-visit checklist", "Provider notes", "Signature"]) {
      expect(text).toContain(section);
    }
    expect(text).toContain("Hemoglobin A1c");
    expect(text).toContain("Colorectal cancer screening");
    expect(text).not.toContain("MRN");
    // The never-done colorectal row: no record, and the only dates are the mammogram's.
    expect(text).toContain("No record found");
    expect(text.match(/\b20\d\d-\d\d-\d\d\b/g)?.filter((d) => d.startsWith("2027"))).toEqual(["2027-06-01"]);
  });

  it("never fails on text outside the font, and splits a row taller than a page", async () => {
    const sheet = buildPrepSheet(buildPrepInput({
      screenings: [buildScreening({ screeningTypeKey: "x", name: "日本語 screening ≥ 50 µg", reasons: Array.from({ length: 400 }, (_, i) => `Reason sentence ${i}.`) })],
    }));
    const pages = await extractPages(await renderPrepSheetPdf(sheet));
    expect(pages.length).toBeGreaterThan(2);
    // DejaVu has ≥ and µ (pdf.js reads MICRO SIGN back as Greek mu); CJK it lacks becomes "?". The Helvetica fallback writes ">=".
    expect(pages.join("\n")).toMatch(/\?\?\? screening (≥|>=) 50 [µμ]g/);
    expect(pages.join("\n")).toContain("Reason sentence 399.");
  });

  it("renders a 3-page sheet quickly", async () => {
    const sheet = buildPrepSheet(buildLongHistoryInput(40));
    const started = performance.now();
    const bytes = await renderPrepSheetPdf(sheet);
    const ms = performance.now() - started;
    expect((await extractPages(bytes)).length).toBe(3);
    console.info(`3-page prep sheet PDF: ${ms.toFixed(0)} ms, ${bytes.length} bytes`);
    expect(ms).toBeLessThan(2000);
  });
});
