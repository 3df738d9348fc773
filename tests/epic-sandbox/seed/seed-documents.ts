import type { Encounter, Resource } from "@medplum/fhirtypes";
import { documentWithBinaries, pastEncounter } from "./document-builders";
import { patientRef, seedPatients } from "./default-patients";
import type { SeedPatient } from "./default-patients";
import { createRenderCache } from "./render-cache";
import type { RenderCache } from "./render-cache";
import { corruptPdf, htmlDocument, rtfDocument } from "./text-documents";
import {
  colonoscopyReport, dischargeSummary, labPanelReport, mammogramReport, pathologyReport, progressNote,
} from "./report-texts";

const name = (p: SeedPatient) => `${p.given} ${p.family}`;
const text = (lines: string[], title: string) => [title, ...lines].join("\n");
const types = {
  progress: { loinc: "11506-3", display: "Progress note" },
  colonoscopy: { loinc: "18746-8", display: "Colonoscopy study" },
  pathology: { loinc: "11526-1", display: "Pathology study" },
  mammogram: { loinc: "24606-6", display: "MG Breast Screening" },
  lab: { loinc: "11502-2", display: "Laboratory report" },
  discharge: { loinc: "18842-5", display: "Discharge summary" },
};

/**
 * One document of every kind the pipeline must read, spread over the seed patients: inline text,
 * Epic's html+rtf Binary pair, text-layer PDF, scanned PDF, PNG and JPEG scans, a PDF inline, a
 * corrupt PDF, one without a date, and one whose id is longer than 64 characters.
 */
export async function seedDocuments(day: (daysAgo: number) => string, renders: RenderCache = createRenderCache()): Promise<Resource[]> {
  const { scanImage, scannedPdf, textPdf } = renders;
  const [camila, derrick, elijah, warren, desiree, linda, olivia, jason, jessica, nancy] = seedPatients;
  if (!nancy || !camila || !derrick || !elijah || !warren || !desiree || !linda || !olivia || !jason || !jessica) return [];
  const out: Resource[] = [];
  const enc = (id: string, p: SeedPatient, daysAgo: number, kind: "AMB" | "IMP" = "AMB", end?: number): string => {
    const e: Encounter = pastEncounter(id, patientRef(p), day(daysAgo), kind, end === undefined ? undefined : day(end));
    out.push(e);
    return id;
  };
  const add = (resources: Resource[]) => out.push(...resources);

  const n1 = progressNote(name(camila), day(30), "Prediabetes, diet counselling given.");
  add(documentWithBinaries({ id: "eSbxDoc.Camila.Note1", patient: patientRef(camila), type: types.progress, date: day(30), encounter: enc("eSbxEnc.Camila.30", camila, 30),
    contents: [{ contentType: "text/plain", bytes: text(n1.lines, n1.title), inline: true }] }));
  const lab1 = labPanelReport(name(camila), day(60), 6.1, 131);
  add(documentWithBinaries({ id: "eSbxDoc.Camila.LabScan", patient: patientRef(camila), type: types.lab, date: day(60),
    contents: [{ contentType: "image/jpeg", bytes: await scanImage(lab1.title, lab1.lines, "jpeg"), title: "lab-panel.jpg" }] }));

  const n2 = progressNote(name(derrick), day(45), "Type 2 diabetes, A1c above goal; hypertension controlled.");
  add(documentWithBinaries({ id: "eSbxDoc.Derrick.Note1", patient: patientRef(derrick), type: types.progress, date: day(45), encounter: enc("eSbxEnc.Derrick.45", derrick, 45),
    contents: [{ contentType: "text/html", bytes: htmlDocument(n2.title, n2.lines) }, { contentType: "text/rtf", bytes: rtfDocument(n2.title, n2.lines) }] }));
  const lab2 = labPanelReport(name(derrick), day(50), 7.4, 118);
  add(documentWithBinaries({ id: "eSbxDoc.Derrick.LabPdf", patient: patientRef(derrick), type: types.lab, date: day(50),
    contents: [{ contentType: "application/pdf", bytes: await textPdf(lab2.title, lab2.lines), title: "labs.pdf" }] }));

  const n3 = progressNote(name(elijah), day(90), "Hyperlipidemia on statin; penicillin allergy noted.");
  add(documentWithBinaries({ id: "eSbxDoc.Elijah.Note1", patient: patientRef(elijah), type: types.progress, date: day(90), encounter: enc("eSbxEnc.Elijah.90", elijah, 90),
    contents: [{ contentType: "text/html", bytes: htmlDocument(n3.title, n3.lines) }, { contentType: "text/rtf", bytes: rtfDocument(n3.title, n3.lines) }] }));

  const colo = colonoscopyReport(name(warren), day(1100));
  add(documentWithBinaries({ id: "eSbxDoc.Warren.Colonoscopy", patient: patientRef(warren), type: types.colonoscopy, date: day(1100), encounter: enc("eSbxEnc.Warren.1100", warren, 1100),
    contents: [{ contentType: "application/pdf", bytes: await textPdf(colo.title, colo.lines), title: "colonoscopy.pdf" }] }));
  const path = pathologyReport(name(warren), day(1100));
  add(documentWithBinaries({ id: "eSbxDoc.Warren.Pathology", patient: patientRef(warren), type: types.pathology, date: day(1098),
    contents: [{ contentType: "image/png", bytes: await scanImage(path.title, path.lines, "png"), title: "pathology.png" }] }));

  const mammo = mammogramReport(name(desiree), day(300));
  add(documentWithBinaries({ id: "eSbxDoc.Desiree.MammoScan", patient: patientRef(desiree), type: types.mammogram, date: day(300),
    contents: [{ contentType: "application/pdf", bytes: await scannedPdf(mammo.title, mammo.lines), title: "mammogram-scan.pdf" }] }));

  const dc = dischargeSummary(name(linda), day(20), day(16));
  add(documentWithBinaries({ id: "eSbxDoc.Linda.Discharge", patient: patientRef(linda), type: types.discharge, date: day(16), encounter: enc("eSbxEnc.Linda.Inpatient", linda, 20, "IMP", 16),
    contents: [{ contentType: "text/plain", bytes: text(dc.lines, dc.title) }] }));

  const n7 = progressNote(name(olivia), "(date not recorded)", "Well visit.");
  add(documentWithBinaries({ id: "eSbxDoc.Olivia.Undated", patient: patientRef(olivia), type: types.progress,
    contents: [{ contentType: "text/plain", bytes: text(n7.lines, n7.title), inline: true }] }));

  add(documentWithBinaries({ id: "eSbxDoc.Jason.Corrupt", patient: patientRef(jason), type: types.lab, date: day(120),
    contents: [{ contentType: "application/pdf", bytes: corruptPdf(), title: "outside-labs.pdf" }] }));

  const mammo2 = mammogramReport(name(jessica), day(400));
  add(documentWithBinaries({ id: "eSbxDoc.Jessica.MammoPdf", patient: patientRef(jessica), type: types.mammogram, date: day(400),
    contents: [{ contentType: "application/pdf", bytes: await textPdf(mammo2.title, mammo2.lines), inline: true, title: "mammogram.pdf" }] }));

  const n10 = progressNote(name(nancy), day(10), "Osteopenia; calcium and vitamin D.");
  add(documentWithBinaries({ id: `eSbxDoc.Nancy.${"LongIdentifier".repeat(5)}.Note`, patient: patientRef(nancy), type: types.progress, date: day(10), encounter: enc("eSbxEnc.Nancy.10", nancy, 10),
    contents: [{ contentType: "text/plain", bytes: text(n10.lines, n10.title) }] }));
  return out;
}
