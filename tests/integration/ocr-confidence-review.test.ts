import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Bundle, DocumentReference, Patient } from "@medplum/fhirtypes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findDocument, listPatientDocuments } from "@/db/queries/documents";
import { upsertPatientLink } from "@/db/queries/patients";
import { decodeRasterBitmap } from "@/lib/documents/images/decode-raster-bitmap";
import { encodeGrayPng } from "@/lib/documents/images/encode-gray-png";
import type { OcrProvider } from "@/lib/documents/ocr/ocr-provider";
import { createTesseractJsProvider } from "@/lib/documents/ocr/providers/tesseract-js";
import { createTesseractNativeProvider, isNativeTesseractAvailable } from "@/lib/documents/ocr/providers/tesseract-native";
import type { FhirClient } from "@/lib/fhir/fhir-client-types";
import type { Id } from "@/lib/ids";
import { describeScreeningEvidence } from "@/lib/prep-sheet";
import { buildScreeningRows } from "@/lib/prep-sheet/build-screening-sections";
import { prepSheetSettingsSchema } from "@/lib/prep-sheet/prep-sheet-settings";
import { defaultClinicSettings, uspstfAdultPrimaryCarePreset } from "@/lib/screening";
import { defaultMinOcrConfidence } from "@/lib/screening/clinic-settings";
import { loadPrepSheetDocuments, screenForPrepSheet } from "@/lib/prep-sheet-data/load-prep-sheet-input";
import { applyPreset } from "@/lib/screening-data/apply-preset";
import { listPatientScreenings } from "@/lib/screening-data/list-patient-screenings";
import { screenPatient } from "@/lib/screening-data/screen-patient";
import { loadPatientClinicalData } from "@/lib/sync/load-patient-clinical-data";
import { processDocument } from "@/lib/sync/process-document";
import { syncPatient } from "@/lib/sync/sync-patient";
import { startEpicSandbox, type EpicSandbox } from "../epic-sandbox/start-epic-sandbox";
import { createTestDatabase } from "../setup/test-db";
import { createClinic, sandboxClient, signInToSandbox } from "./sync-test-helpers";

/**
 * Issue 17, item 3, through the real pipeline (sandbox over HTTP → processDocument with real OCR →
 * stored page spans → screenPatient): a mammogram report scanned dirty is read by OCR with its page's
 * confidence below defaultMinOcrConfidence, and the screening is Needs review with the reason, never
 * Complete; the same page scanned clean completes it. Both OCR paths (native where installed).
 * The dirty copy is the committed fixture page with 5% of its pixels flipped to black or white
 * (seeded), as a worn photocopy or a noisy fax line leaves it: every word is still legible to a person.
 */
const asOf = "2024-06-01";
const timeZone = "America/New_York";
const fixture = path.join(import.meta.dirname, "../fixtures/documents/mammogram.png");

/** Salt-and-pepper noise on `share` of the pixels, deterministic for a seed. */
async function speckle(png: Uint8Array, share: number, seed: number): Promise<Uint8Array> {
  const bitmap = await decodeRasterBitmap(png, "png");
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const gray = Uint8Array.from(bitmap.gray);
  for (let i = 0; i < gray.length; i++) if (random() < share) gray[i] = random() < 0.5 ? 0 : 255;
  return encodeGrayPng({ ...bitmap, gray });
}

const patient = (id: string): Patient => ({ resourceType: "Patient", id, name: [{ family: "Scan", given: [id] }], gender: "female", birthDate: "1965-03-01" });
const mammogram = (id: string, patientId: string, png: Uint8Array): DocumentReference => ({
  resourceType: "DocumentReference", id, status: "current", docStatus: "final", date: "2024-01-15T10:00:00Z",
  type: { coding: [{ system: "http://loinc.org", code: "24606-6", display: "MG Breast Screening" }], text: "MG Breast Screening" },
  subject: { reference: `Patient/${patientId}` },
  content: [{ attachment: { contentType: "image/png", data: Buffer.from(png).toString("base64"), title: "mammogram-scan.png" } }],
});

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let sandbox: EpicSandbox;
let client: FhirClient;
let seedDir: string;
const engines = new Map<string, () => OcrProvider>([["tesseract.js", () => createTesseractJsProvider({ poolSize: 1 })]]);

beforeAll(async () => {
  const clean = new Uint8Array(await readFile(fixture));
  const dirty = await speckle(clean, 0.05, 17);
  seedDir = await mkdtemp(path.join(tmpdir(), "ocr-confidence-"));
  const bundle: Bundle = {
    resourceType: "Bundle", type: "collection",
    entry: [patient("ePtDirtyScan"), patient("ePtCleanScan"), mammogram("eDocDirty", "ePtDirtyScan", dirty), mammogram("eDocClean", "ePtCleanScan", clean)].map((resource) => ({ resource })),
  };
  await writeFile(path.join(seedDir, "bundle.json"), JSON.stringify(bundle));
  handle = await createTestDatabase();
  sandbox = await startEpicSandbox({ port: 0, seedDirs: [seedDir], defaultSeed: false });
  client = sandboxClient(sandbox, await signInToSandbox(sandbox));
  if (await isNativeTesseractAvailable()) engines.set("native tesseract", () => createTesseractNativeProvider({ concurrency: 1 }));
  else if (process.env.CI === "true") throw new Error("native tesseract is required in CI (.ci/run installs tesseract-ocr)");
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  await handle?.close();
  if (seedDir) await rm(seedDir, { recursive: true, force: true });
});

/** Sync, read (real OCR) and screen one patient in a clinic of its own (the extraction cache is per clinic). */
async function screenScanned(ehrPatientId: string, ocr: OcrProvider) {
  const organizationId = await createClinic(handle.db, `ocr-${ehrPatientId}-${Math.random().toString(36).slice(2, 8)}`, timeZone);
  await applyPreset(handle.db, { organizationId, actorUserId: null, preset: uspstfAdultPrimaryCarePreset });
  const patientId: Id<"patient"> = await upsertPatientLink(handle.db, organizationId, { fhirBaseUrl: sandbox.fhirBase, ehrPatientId });
  await syncPatient({ db: handle.db, organizationId, client, patientId, actorUserId: null });
  const [doc] = await listPatientDocuments(handle.db, organizationId, patientId);
  await processDocument({ db: handle.db, organizationId, client, documentId: doc!.id, ocr, asOf });
  await screenPatient(handle.db, { organizationId, patientId, asOf, timeZone });
  const stored = (await findDocument(handle.db, organizationId, doc!.id))!;
  const screenings = await listPatientScreenings(handle.db, { organizationId, patientId });
  const mammography = screenings.find((s) => s.screeningTypeKey === "breast-mammography")!;
  // The prep sheet evaluates afresh from the same stored data; its row for the screening, as printed.
  const clinical = await loadPatientClinicalData(handle.db, organizationId, patientId);
  const { documents } = await loadPrepSheetDocuments(handle.db, organizationId, patientId);
  const results = await screenForPrepSheet(handle.db, clinical, documents, { organizationId, asOf, timeZone, clinicSettings: defaultClinicSettings });
  const row = buildScreeningRows(results, prepSheetSettingsSchema.parse({})).find((r) => r.key === "breast-mammography")!;
  return { stored, mammography, evidence: mammography.evidence.find((e) => e.source === "document"), sheetLine: describeScreeningEvidence(row) };
}

describe("OCR confidence reaches the clinician", () => {
  it.each(["tesseract.js", "native tesseract"])("%s: a dirty scan's report is Needs review with the reason; the clean scan completes", async (name) => {
    const create = engines.get(name);
    if (!create) return console.warn(`${name} is not installed: skipped`);
    const ocr = create();
    try {
      const dirty = await screenScanned("ePtDirtyScan", ocr);
      expect(dirty.stored).toMatchObject({ state: "processed", pageMethods: ["ocr"] });
      const page = dirty.stored.ocrPages?.[0];
      expect(page, name).toMatchObject({ page: 1, start: 0 });
      expect(page!.confidence, `${name} read the dirty page with confidence ${page!.confidence}`).toBeLessThan(defaultMinOcrConfidence);
      // Still legible enough to find the report: the point is that it is not trusted on its own.
      expect(dirty.evidence, name).toMatchObject({ use: "review", note: `read by OCR at ${Math.floor(page!.confidence * 100 + 1e-9)}% confidence — check page 1` });
      expect(dirty.mammography.status).toBe("needs_review");
      expect(dirty.mammography.reasons.join(" ")).toContain("read by OCR at");
      // The printed sheet says why, beside the evidence.
      expect(dirty.sheetLine).toMatch(/^To confirm: .*\(document (undated|\d{4}-\d{2}-\d{2}); read by OCR at \d+% confidence — check page 1\)$/);

      const clean = await screenScanned("ePtCleanScan", ocr);
      expect(clean.stored.ocrPages?.[0]?.confidence).toBeGreaterThanOrEqual(defaultMinOcrConfidence);
      expect(clean.evidence).toMatchObject({ use: "counted", note: null, date: "2024-01-15" });
      expect(clean.mammography).toMatchObject({ status: "complete", lastCompleted: "2024-01-15" });
      expect(clean.sheetLine).not.toContain("OCR");
    } finally {
      await ocr.close();
    }
  }, 60_000);
});
