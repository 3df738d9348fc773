import { describe, expect, it } from "vitest";
import { runDocumentClassification } from "./run-document-classification";
import { findCorpusFolder } from "./shared-corpus";

/**
 * Issue 15, item 5: clinocr-bench `text-pdf` documents through the product's own extraction, date
 * finding and document-kind classification, then the screening engine with the adult preset.
 * Goals: `screening_label` and `service_date` agree for ≥ 0.95 of documents; no trap document (one
 * that mentions a screening without being one) yields counted evidence; a document with no service
 * date never makes a screening Complete.
 */
const corpus = findCorpusFolder("clinocr-bench");
// After every document in the corpus, so none is "in the future"; the engine never reads a clock.
const asOf = "2026-06-30";

describe.skipIf(!corpus.available)("document classification on clinocr-bench text PDFs", () => {
  it("agrees on label and service date, counts no trap and completes nothing undated", async () => {
    const summary = await runDocumentClassification({ dir: corpus.dir, asOf });
    const misses = summary.outcomes.filter((o) => !o.agrees).map((o) =>
      `  ${o.id}: label ${o.label || "-"} / ${o.predictedLabel || "-"}, date ${o.serviceDate || "-"} / ${o.predictedDate || "-"}`);
    console.log([
      `clinocr-bench text-pdf: ${summary.documents} documents in ${summary.seconds} s`,
      `label+date agree ${summary.agree}/${summary.documents} = ${summary.rate.toFixed(3)} (label ${summary.labelAgree}, date ${summary.dateAgree})`,
      ...misses,
      `trap documents with counted evidence: ${summary.trapsCounted.length}/${summary.traps}`,
      `undated documents that complete or count: ${summary.undatedComplete.length}/${summary.undated}`,
      `labelled dated documents that make their screening Complete: ${summary.labelledDatedComplete.complete}/${summary.labelledDatedComplete.documents}`,
    ].join("\n"));
    expect(summary.documents).toBe(128);
    expect(summary.rate).toBeGreaterThanOrEqual(0.95);
    expect(summary.trapsCounted).toEqual([]);
    expect(summary.traps).toBeGreaterThan(0);
    expect(summary.undatedComplete).toEqual([]);
    expect(summary.undated).toBeGreaterThan(0);
  }, 60_000);
});
