import { readFile } from "node:fs/promises";
import path from "node:path";
import { classifyDocument } from "@/lib/documents/classify-document";
import { classifyDocumentKinds } from "@/lib/documents/classify-document-kinds";
import { extractDocumentText } from "@/lib/documents/extract-document-text";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import { evaluateScreenings, patientFactsSchema, screeningPresetSchema, uspstfAdultPrimaryCarePreset, type ScreeningType } from "@/lib/screening";
import { parseCsv } from "./ocr-corpus";

/**
 * clinocr-bench `text-pdf` documents through the product: text layer extraction, service date and
 * document kind, then the screening engine with the adult preset. The labels of documents.csv are
 * read here, on the scoring side, and nowhere in the product.
 */
export type DocumentRow = { id: string; file: string; label: string; serviceDate: string; trapNote: string };
export type DocumentOutcome = DocumentRow & {
  predictedLabel: string;
  predictedDate: string;
  agrees: boolean;
  /** Screening type keys with counted document evidence, and those the engine marked complete. */
  counted: string[];
  complete: string[];
  notes: string[];
};
export type ClassificationSummary = {
  documents: number;
  agree: number;
  rate: number;
  labelAgree: number;
  dateAgree: number;
  traps: number;
  trapsCounted: string[];
  undated: number;
  undatedComplete: string[];
  labelledDatedComplete: { documents: number; complete: number };
  seconds: number;
  outcomes: DocumentOutcome[];
};

// The benchmark's labels, named by the preset screening each one is evidence for (scoring side only).
const labelOfType: Record<string, string> = {
  "breast-mammography": "mammography",
  "colorectal-colonoscopy": "colonoscopy",
  "diabetes-screening-a1c": "hba1c",
  "lipid-panel": "lipid_panel",
};

// A text-layer PDF never needs OCR; if extraction asked for it the check should fail loudly.
const noOcr: OcrProvider = {
  name: "tesseract-js",
  recognize: () => Promise.reject(new Error("OCR was asked for a text-layer page")),
  close: () => Promise.resolve(),
};

export async function readTextPdfRows(dir: string): Promise<DocumentRow[]> {
  const [header, ...rows] = parseCsv(await readFile(path.join(dir, "documents.csv"), "utf8"));
  const col = (row: string[], name: string) => row[header?.indexOf(name) ?? -1] ?? "";
  return rows
    .filter((row) => col(row, "kind") === "text-pdf")
    .map((row) => ({
      id: col(row, "id"), file: path.join(dir, col(row, "file")), label: col(row, "screening_label"),
      serviceDate: col(row, "service_date"), trapNote: col(row, "trap_note"),
    }));
}

/** A patient every labelled screening applies to: a woman of 55 with a BMI of 31. */
function factsFor(document: { id: string; category: string; serviceDate: string | null; dateSource: string; text: string }) {
  return patientFactsSchema.parse({
    patient: { birthDate: "1971-01-15", sexForClinicalUse: "female" },
    observations: [{ id: "bmi", codes: [{ system: "LOINC", code: "39156-5" }], status: "final", effective: "2026-01-10", valueNumber: 31 }],
    documents: [{
      id: document.id, category: document.category, serviceDate: document.serviceDate,
      dateSource: document.dateSource === "text" ? "extracted_text" : document.dateSource === "metadata" ? "ehr_service" : null,
      text: document.text,
    }],
  });
}

export async function runDocumentClassification(options: { dir: string; asOf: string }): Promise<ClassificationSummary> {
  const started = performance.now();
  const types: ScreeningType[] = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset).types;
  const outcomes: DocumentOutcome[] = [];
  for (const row of await readTextPdfRows(options.dir)) {
    const extracted = await extractDocumentText(new Uint8Array(await readFile(row.file)), { ocr: noOcr });
    if (!extracted.ok) throw new Error(`${row.id}: extraction failed (${extracted.reason})`);
    const { text } = extracted;
    const classification = classifyDocument({ text, asOf: options.asOf });
    const kinds = classifyDocumentKinds({ text, serviceDate: classification.serviceDate, asOf: options.asOf }, types)
      .filter((kind) => labelOfType[kind.typeKey]);
    const labelled = kinds[0];
    const predictedLabel = [...new Set(kinds.map((kind) => labelOfType[kind.typeKey]))].sort().join("+");
    const predictedDate = (labelled ? labelled.serviceDate : classification.serviceDate) ?? "";
    const results = evaluateScreenings(factsFor({ id: row.id, ...classification, text }), types, { asOf: options.asOf });
    const counted = results.filter((r) => r.evidence.some((e) => e.source === "document" && e.use === "counted")).map((r) => r.screeningTypeKey);
    const complete = results.filter((r) => r.status === "complete").map((r) => r.screeningTypeKey);
    const notes = results.flatMap((r) => r.evidence.filter((e) => e.source === "document").map((e) => `${r.screeningTypeKey} ${e.use}: ${e.note ?? e.term}`));
    outcomes.push({
      ...row, predictedLabel, predictedDate, agrees: predictedLabel === row.label && predictedDate === row.serviceDate, counted, complete, notes,
    });
  }
  const traps = outcomes.filter((o) => o.trapNote !== "" && o.label === "");
  const undated = outcomes.filter((o) => o.serviceDate === "");
  const labelledDated = outcomes.filter((o) => o.label !== "" && o.serviceDate !== "");
  const agree = outcomes.filter((o) => o.agrees).length;
  return {
    documents: outcomes.length,
    agree,
    rate: outcomes.length === 0 ? 0 : agree / outcomes.length,
    labelAgree: outcomes.filter((o) => o.predictedLabel === o.label).length,
    dateAgree: outcomes.filter((o) => o.predictedDate === o.serviceDate).length,
    traps: traps.length,
    trapsCounted: traps.filter((o) => o.counted.length > 0).map((o) => `${o.id}: ${o.counted.join(", ")}`),
    undated: undated.length,
    undatedComplete: undated.filter((o) => o.complete.length > 0 || o.counted.length > 0).map((o) => `${o.id}: ${[...o.complete, ...o.counted].join(", ")}`),
    labelledDatedComplete: {
      documents: labelledDated.length,
      complete: labelledDated.filter((o) => o.complete.some((key) => labelOfType[key] === o.label)).length,
    },
    seconds: Math.round(performance.now() - started) / 1000,
    outcomes,
  };
}
