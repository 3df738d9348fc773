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
    expect(counts[0]).toBe(1);
    expect(counts[0]).toBeLessThan(counts[1]!);
    expect(counts[1]).toBeLessThan(counts[2]!);
    const long = await extractPages(await renderPrepSheetPdf(buildPrepSheet(buildLongHistoryInput(200))));
    // The lab table flows on: its title and column headers repeat on the next page.
    const continued = long.filter((t) => t.includes("Flagged labs since 2025-03-03 (continued)"));
    expect(continued.length).toBeGreaterThan(1);
    for (const page of continued) expect(page).toContain("Flagged labs since 2025-03-03 (continued) Test Result Flag Date Before");
  });

  it("puts what to do today first, in plain words, and collapses empty sections into one line", async () => {
    const input = buildPrepInput({ clinicSettings: { measures: [{ measureId: "CMS130", title: "Colorectal cancer screening", screeningKey: "colorectal" }] } });
    const pages = await extractPages(await renderPrepSheetPdf(buildPrepSheet(input)));
    expect(pages).toHaveLength(1);
    const text = pages[0]!;
    const order = ["Visit:", "Due at this visit: 1 due - Colorectal cancer screening.", "Flagged results: Hemoglobin A1c 6.1 % high (2026-01-10).", "Screenings", "Quality measures 2026", "Active problems: Type 2 diabetes mellitus (E11.9, since 2019).", "Flagged labs since 2025-03-03", "Imaging since 2025-03-03", "Immunizations given since 2025-03-03", "Nothing recorded: No consults or hospital or ED visits since 2025-03-03.", "Pre-visit checklist", "Provider notes", "Signature"];
    for (const part of order) expect(text).toContain(part);
    expect(order.map((part) => text.indexOf(part))).toEqual(order.map((part) => text.indexOf(part)).sort((a, b) => a - b));
    expect(text).toContain("Annual wellness visit - with Dr. Rivera");
    expect(text).not.toContain("MRN");
    expect(text).not.toContain("Data windows");
    // The never-done colorectal row: no record, and the only dates in 2027 are the mammogram's.
    expect(text).toContain("No record found");
    expect(text.match(/\b20\d\d-\d\d-\d\d\b/g)?.filter((d) => d.startsWith("2027"))).toEqual(["2027-06-01"]);
  });

  it("prints evidence in a few words with source and date, never record ids, codes or the engine's reasoning", async () => {
    const reasons = ["Last completed 2024-06-06 per procedure fb537794-2f16 (SNOMED 73761001). Chosen in family colorectal-cancer over colorectal-fit. yearly follows CMS2; value set eSbx.203715.vs.bp"];
    const item = { source: "procedure", sourceId: "doc_01M97ABCDEFGH", role: "completion", date: "2024-06-06", datePrecision: "day", code: { system: "SNOMED", code: "73761001", display: "Colonoscopy (procedure)" }, term: null, snippet: null, context: null, confidence: 1, matchedBy: "code", use: "counted", note: null } as const;
    const sheet = buildPrepSheet(buildPrepInput({
      screenings: [buildScreening({ screeningTypeKey: "crc", name: "Colorectal cancer screening", status: "complete", lastCompleted: "2024-06-06", nextDue: "2034-06-06", reasons, evidence: [item, { ...item, sourceId: "p2", date: "2019-01-01" }, { ...item, sourceId: "p3", date: "2014-01-01" }, { ...item, sourceId: "p4", date: "2009-01-01" }] })],
    }));
    const text = (await extractPages(await renderPrepSheetPdf(sheet))).join(" ");
    expect(text).toContain("Colonoscopy (procedure 2024-06-06)");
    for (const internal of ["doc_01M97", "fb537794", "73761001", "Chosen in family", "CMS2", "eSbx", "more"]) expect(text).not.toContain(internal);
  });

  it("never fails on text outside the font, and splits a row taller than a page", async () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
    const sheet = buildPrepSheet(buildPrepInput({
      screenings: [buildScreening({ screeningTypeKey: "x", name: `日本語 screening ≥ 50 µg ${long}`, status: "complete", lastCompleted: "2025-01-01" })],
    }));
    const pages = await extractPages(await renderPrepSheetPdf(sheet));
    expect(pages.length).toBeGreaterThan(2);
    // DejaVu has ≥ and µ (pdf.js reads MICRO SIGN back as Greek mu); CJK it lacks becomes "?". The Helvetica fallback writes ">=".
    expect(pages.join("\n")).toMatch(/\?\?\? screening (≥|>=) 50 [µμ]g/);
    expect(pages.join("\n")).toContain("word399");
  });

  it("renders a 3-page sheet quickly", async () => {
    const sheet = buildPrepSheet(buildLongHistoryInput(70));
    const started = performance.now();
    const bytes = await renderPrepSheetPdf(sheet);
    const ms = performance.now() - started;
    expect((await extractPages(bytes)).length).toBe(3);
    console.info(`3-page prep sheet PDF: ${ms.toFixed(0)} ms, ${bytes.length} bytes`);
    expect(ms).toBeLessThan(2000);
  });
});
