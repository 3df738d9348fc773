import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepSheets } from "@/db/schema";
import { renderPrepSheetPdf, renderPrepSheetText, type PrepSheet } from "@/lib/prep-sheet";
import { loadPrepSheet } from "@/lib/prep-sheet-data/load-prep-sheet";
import { toAsciiText } from "@/lib/prep-sheet/to-ascii-text";
import { createTestDatabase } from "../setup/test-db";
import { runSyntheaClinicDay, type SyntheaClinicDay } from "./run-synthea-clinic-day";
import { findCorpusFolder } from "./shared-corpus";

/**
 * Issue 18: a prep sheet a physician wants on paper. The Synthea New York patients go through the
 * same pipeline as the other Synthea test (sandbox → clinic day); every stored sheet is rendered as
 * the PDF and the Epic note. The median sheet fits on one page, none needs more than two, and no
 * internal identifier or "+N more" reaches paper or the note.
 */
const corpus = findCorpusFolder("synthea-qicore-exafluence");
const internalIds = [/\beSbx\.\d/, /\b\d+(\.\d+){4,}\b/, /\bdoc_[0-9A-Z]{6,}/, /Chosen in family/i, /follows CMS\d/i, /\+\d+ more/];

const dumpDir = process.env.PREP_SHEET_DUMP_DIR ?? null;
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let day: SyntheaClinicDay | null = null;

describe.skipIf(!corpus.available)("prep sheets of the Synthea New York patients on paper", () => {
  const sheets: PrepSheet[] = [];
  const pages: number[] = [];
  beforeAll(async () => {
    handle = await createTestDatabase();
    if (dumpDir) await mkdir(dumpDir, { recursive: true });
    day = await runSyntheaClinicDay(handle.db, path.join(corpus.dir, "fhir-newyork"), "synthea-pages");
    const rows = await handle.db.select({ id: prepSheets.id }).from(prepSheets).where(eq(prepSheets.organizationId, day.organizationId));
    for (const row of rows) {
      const { sheet } = await loadPrepSheet(handle.db, { organizationId: day.organizationId, prepSheetId: row.id });
      sheets.push(sheet);
      const pdf = await renderPrepSheetPdf(sheet);
      pages.push((await PDFDocument.load(pdf)).getPageCount());
      // For a person to look at the sheets (synthetic patients only): PREP_SHEET_DUMP_DIR=/tmp/sheets.
      if (dumpDir) {
        await writeFile(path.join(dumpDir, `${sheets.length}.pdf`), pdf);
        await writeFile(path.join(dumpDir, `${sheets.length}.txt`), renderPrepSheetText(sheet));
        await writeFile(path.join(dumpDir, `${sheets.length}.json`), JSON.stringify(sheet, null, 1));
      }
    }
  }, 900_000);
  afterAll(async () => {
    await day?.sandbox.close();
    await handle?.close();
  });

  it("median sheet fits on one page and none needs more than two", () => {
    // One sheet per visit that got one (a patient whose sync fails is counted by the clinic day, not here).
    expect(sheets.length).toBe(day?.summary.prepSheets);
    expect(sheets.length).toBeGreaterThanOrEqual(15);
    const sorted = [...pages].sort((a, b) => a - b);
    const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? Infinity;
    const distribution = Object.entries(Object.groupBy(sorted, (n) => String(n))).map(([n, list]) => `${n} page(s): ${list?.length ?? 0}`);
    console.info(`synthea prep-sheet pages (${sorted.length} sheets): ${distribution.join(", ")}; median ${median}, max ${sorted.at(-1)}`);
    expect(median).toBeLessThanOrEqual(1);
    expect(Math.max(...pages)).toBeLessThanOrEqual(2);
  });

  it("paper and the Epic note say the same things in plain words: no internal ids, no '+N more'", async () => {
    for (const sheet of sheets) {
      const text = renderPrepSheetText(sheet);
      for (const pattern of internalIds) expect(text, `${pattern}`).not.toMatch(pattern);
      expect(text).toMatch(/Due at this visit: |Nothing due at this visit/);
      // What is due today is named in the summary, in the note as on paper.
      const flat = text.replace(/\s+/g, " ");
      for (const s of sheet.screenings.filter((r) => r.status === "due" || r.status === "overdue")) expect(flat).toContain(toAsciiText(s.name));
    }
  });
});
