import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Resource } from "@medplum/fhirtypes";
import { readOcrCorpus } from "../../eval/ocr-corpus";
import type { OcrCorpusDocument } from "../../eval/ocr-corpus";
import { patientRef, seedPatients } from "./default-patients";
import type { SeedPatient } from "./default-patients";
import { documentWithBinaries } from "./document-builders";

interface Topic {
  pattern: RegExp;
  type: { loinc: string; display: string };
  femaleOnly?: boolean;
}

/** The reports the pipeline screens on (issue #3 item 4), in the order they are looked for. */
const topics: Topic[] = [
  { pattern: /colonoscop/i, type: { loinc: "18746-8", display: "Colonoscopy study" } },
  { pattern: /mammogra/i, type: { loinc: "24606-6", display: "MG Breast Screening" }, femaleOnly: true },
  { pattern: /patholog/i, type: { loinc: "11526-1", display: "Pathology study" } },
  { pattern: /\blab|lipid|a1c|metabolic panel/i, type: { loinc: "11502-2", display: "Laboratory report" } },
  { pattern: /discharge/i, type: { loinc: "18842-5", display: "Discharge summary" } },
];
const outsideRecord = { loinc: "34109-9", display: "Outside record" };
const kinds: OcrCorpusDocument["kind"][] = ["text-pdf", "scanned-pdf", "mixed-pdf", "image"];
const maxDocuments = 8;

const contentTypes: Record<string, string> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
};

const months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const pad = (n: number) => String(n).padStart(2, "0");

/** The first date the report itself states (ISO, US numeric or "January 22, 2024"), as YYYY-MM-DD. */
export function firstStatedDate(text: string): string | undefined {
  const match = /(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\/(\d{1,2})\/(\d{4})|([A-Z][a-z]+) (\d{1,2}), (\d{4})/.exec(text);
  if (!match) return undefined;
  if (match[1]) return `${match[1]}-${match[2]}-${match[3]}`;
  if (match[4]) return `${match[6]}-${pad(Number(match[4]))}-${pad(Number(match[5]))}`;
  const month = months.indexOf((match[7] ?? "").toLowerCase());
  return month < 0 ? undefined : `${match[9]}-${pad(month + 1)}-${pad(Number(match[8]))}`;
}

/** The id and the report's first lines (letterhead, title, date): a body that merely mentions a colonoscopy is not one. */
const headline = (d: OcrCorpusDocument) => [d.id, ...(d.truthPages[0] ?? "").split("\n").slice(0, 3)].join("\n");

/** One report per topic, then one file of each kind not yet covered: a handful, same picks every start. */
export function pickClinocrDocuments(all: readonly OcrCorpusDocument[]): Array<{ doc: OcrCorpusDocument; topic?: Topic }> {
  const usable = [...all].filter((d) => contentTypes[path.extname(d.file).toLowerCase()]).sort((a, b) => (a.id < b.id ? -1 : 1));
  const picked: Array<{ doc: OcrCorpusDocument; topic?: Topic }> = [];
  for (const topic of topics) {
    const doc = usable.find((d) => topic.pattern.test(headline(d)) && !picked.some((p) => p.doc === d));
    if (doc) picked.push({ doc, topic });
  }
  for (const kind of kinds) {
    if (picked.some((p) => p.doc.kind === kind)) continue;
    const doc = usable.find((d) => d.kind === kind && !picked.some((p) => p.doc === d));
    if (doc) picked.push({ doc });
  }
  return picked.slice(0, maxDocuments);
}

/**
 * DocumentReferences (with their Binaries) for a handful of clinocr-bench files, shared round-robin
 * over the default seed patients; a mammogram goes to a woman. The bytes are the corpus's own, so
 * the app reads real-world PDFs and scans rather than our renders. Dates are the report's own.
 */
export async function clinocrDocuments(dir: string): Promise<Resource[]> {
  const corpus = await readOcrCorpus(dir);
  let next = 0;
  const patientFor = (femaleOnly: boolean): SeedPatient => {
    for (let k = 0; k < seedPatients.length; k++) {
      const p = seedPatients[(next + k) % seedPatients.length]!;
      if (femaleOnly && p.gender !== "female") continue;
      next = (next + k + 1) % seedPatients.length;
      return p;
    }
    return seedPatients[0]!;
  };
  const out: Resource[] = [];
  for (const { doc, topic } of pickClinocrDocuments(corpus.documents)) {
    const date = firstStatedDate(doc.truthPages.join("\n"));
    out.push(
      ...documentWithBinaries({
        // FHIR ids allow [A-Za-z0-9.-], at most 64 characters.
        id: `eSbxCorpus.${doc.id.replace(/[^A-Za-z0-9.-]/g, "-")}`.slice(0, 64),
        patient: patientRef(patientFor(topic?.femaleOnly ?? false)),
        type: topic?.type ?? outsideRecord,
        ...(date ? { date } : {}),
        contents: [{ contentType: contentTypes[path.extname(doc.file).toLowerCase()]!, bytes: await readFile(doc.file), title: path.basename(doc.file) }],
      }),
    );
  }
  return out;
}
