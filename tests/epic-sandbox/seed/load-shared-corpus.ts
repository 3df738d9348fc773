import { stat } from "node:fs/promises";
import path from "node:path";
import type { Resource } from "@medplum/fhirtypes";
import { readSeedDirs } from "../fhir/read-seed-dirs";
import type { CorpusSummary } from "../sandbox-types";
import { clinocrDocuments } from "./clinocr-documents";

export const syntheaFolder = "synthea-qicore-exafluence";
export const clinocrFolder = "clinocr-bench";

const isDirectory = (p: string) => stat(p).then((s) => s.isDirectory(), () => false);
const isFile = (p: string) => stat(p).then((s) => s.isFile(), () => false);

/**
 * The parts of ../shared/corpus the default seed uses, where they exist: the Synthea bundles through
 * the same reader as --seed (ids and contents as they are), and a handful of clinocr-bench files as
 * documents of the default seed patients. The corpus is on some developers' machines only.
 */
export async function loadSharedCorpus(dir: string): Promise<{ resources: Resource[]; summary: CorpusSummary }> {
  const root = path.resolve(dir);
  const summary: CorpusSummary = { dir: root, found: await isDirectory(root), syntheaPatients: null, clinocrDocuments: null };
  const resources: Resource[] = [];
  if (!summary.found) return { resources, summary };

  const synthea = path.join(root, syntheaFolder);
  if (await isDirectory(synthea)) {
    const loaded = await readSeedDirs([synthea]);
    resources.push(...loaded);
    summary.syntheaPatients = loaded.filter((r) => r.resourceType === "Patient").length;
  }
  const clinocr = path.join(root, clinocrFolder);
  if (await isFile(path.join(clinocr, "documents.csv"))) {
    const documents = await clinocrDocuments(clinocr);
    resources.push(...documents);
    summary.clinocrDocuments = documents.filter((r) => r.resourceType === "DocumentReference").length;
  }
  return { resources, summary };
}
