import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * A corpus laid out like ../shared/corpus/clinocr-bench: `documents.csv` (header row; columns
 * id, file, kind, pages, ground_truth and optionally text_layer_pages), the documents (PDFs and
 * PNG/JPEG/TIFF scans) and `ground_truth/` with one .txt per document, pages separated by a form
 * feed. Column names are matched loosely (`path`/`gt`/`ground_truth_path` work too) so a corpus
 * exported by another tool reads without conversion.
 */
export type OcrCorpusKind = "text-pdf" | "scanned-pdf" | "mixed-pdf" | "image";

export type OcrCorpusDocument = {
  id: string;
  /** Absolute path of the document. */
  file: string;
  kind: OcrCorpusKind;
  /** Ground truth per page (one entry when the truth has no page breaks). */
  truthPages: string[];
  /** 1-based pages that carry a real text layer; they must never be OCR'd. */
  textLayerPages: ReadonlySet<number>;
  /** What was done to a fax-like copy ("standard 204x98 dpi; p1: skew 1.4 deg, turned 90"); empty otherwise. */
  degradation: string;
};

export type OcrCorpus = { dir: string; documents: OcrCorpusDocument[] };

const columnAliases: Record<string, string[]> = {
  id: ["id", "document_id", "doc_id", "name"],
  file: ["file", "path", "document", "filename", "rendered"],
  kind: ["kind", "type", "source"],
  pages: ["pages", "page_count", "num_pages"],
  truth: ["ground_truth", "ground_truth_path", "gt", "truth", "text"],
  textLayer: ["text_layer_pages", "text_pages"],
  degradation: ["degradation"],
};

/** A small CSV reader: quoted fields, doubled quotes, CRLF. Enough for an index file. */
export function parseCsv(source: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      if (row.some((f) => f.length > 0)) rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f.length > 0)) rows.push(row);
  return rows;
}

function normalizeKind(kind: string, file: string, textLayerPages: ReadonlySet<number>, pages: number): OcrCorpusKind {
  const k = kind.toLowerCase();
  if (!file.toLowerCase().endsWith(".pdf")) return "image";
  if (k.includes("mixed")) return "mixed-pdf";
  if (k.includes("scan") || k.includes("image")) return "scanned-pdf";
  if (k.includes("text") || k.includes("born") || k.includes("digital")) return "text-pdf";
  if (textLayerPages.size === 0) return "scanned-pdf";
  return textLayerPages.size >= pages ? "text-pdf" : "mixed-pdf";
}

function parsePageList(value: string): Set<number> {
  const pages = new Set<number>();
  for (const part of value.split(/[;\s|]+/).filter(Boolean)) {
    const range = /^(\d+)-(\d+)$/.exec(part);
    if (range) for (let n = Number(range[1]); n <= Number(range[2]); n++) pages.add(n);
    else if (/^\d+$/.test(part)) pages.add(Number(part));
  }
  return pages;
}

export async function readOcrCorpus(dir: string, only?: readonly string[]): Promise<OcrCorpus> {
  const root = path.resolve(dir);
  const rows = parseCsv(await readFile(path.join(root, "documents.csv"), "utf8"));
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const column = (name: keyof typeof columnAliases) => header.findIndex((h) => columnAliases[name]!.includes(h));
  const col = { id: column("id"), file: column("file"), kind: column("kind"), pages: column("pages"), truth: column("truth"), textLayer: column("textLayer"), degradation: column("degradation") };
  if (col.id < 0 || col.file < 0) throw new Error(`${root}/documents.csv needs at least an id and a file column (has: ${header.join(", ")})`);
  const documents: OcrCorpusDocument[] = [];
  for (const row of rows) {
    const cell = (i: number) => (i >= 0 ? (row[i] ?? "").trim() : "");
    const id = cell(col.id);
    if (!id || (only && !only.includes(id))) continue;
    const file = path.resolve(root, cell(col.file));
    const truthPath = path.resolve(root, cell(col.truth) || path.join("ground_truth", `${id}.txt`));
    const truth = (await readFile(truthPath, "utf8")).replace(/\r\n/g, "\n");
    const truthPages = truth.split("\f").map((page) => page.trim());
    const pages = Number(cell(col.pages)) || truthPages.length;
    const explicit = parsePageList(cell(col.textLayer));
    const rawKind = cell(col.kind);
    // Without a page list, the kind says it: a text PDF has a text layer on every page.
    const textLayerPages =
      explicit.size > 0 || col.textLayer >= 0
        ? explicit
        : /text|born|digital/i.test(rawKind) && file.toLowerCase().endsWith(".pdf")
          ? new Set(Array.from({ length: pages }, (_, i) => i + 1))
          : new Set<number>();
    documents.push({ id, file, kind: normalizeKind(rawKind, file, textLayerPages, pages), truthPages, textLayerPages, degradation: cell(col.degradation) });
  }
  if (only) {
    const missing = only.filter((id) => !documents.some((d) => d.id === id));
    if (missing.length > 0) throw new Error(`not in the corpus: ${missing.join(", ")}`);
  }
  return { dir: root, documents };
}
