export const documentCategories = ["lab", "imaging", "consult", "hospital", "procedure", "pathology", "other"] as const;
export type DocumentCategory = (typeof documentCategories)[number];

/** LOINC document type codes Epic and outside systems commonly send, by category. */
export const categoryByLoinc: Record<string, DocumentCategory> = {
  "11502-2": "lab", // Laboratory report
  "26436-6": "lab", // Laboratory studies
  "18748-4": "imaging", // Diagnostic imaging study
  "18782-3": "imaging", // Radiology study observation
  "24606-6": "imaging", // MG Breast Screening
  "24604-1": "imaging", // MG Breast Diagnostic
  "11488-4": "consult", // Consult note
  "34117-2": "consult", // History and physical note (outside specialist letters)
  "18842-5": "hospital", // Discharge summary
  "34105-7": "hospital", // Hospital discharge summary
  "34111-5": "hospital", // Emergency department note
  "28570-0": "procedure", // Procedure note
  "18746-8": "procedure", // Colonoscopy study
  "18751-8": "procedure", // Endoscopy study
  "11505-5": "procedure", // Physician procedure note
  "11526-1": "pathology", // Pathology study
  "60567-5": "pathology", // Comprehensive pathology report panel
  "11529-5": "pathology", // Surgical pathology study
};

/** Phrases that mark a category, matched case-insensitively against title, header and body. */
export const categoryKeywords: [DocumentCategory, RegExp[]][] = [
  ["pathology", [/\bpathology report\b/i, /\bsurgical pathology\b/i, /\bcytology\b/i, /\bhistopatholog/i, /\bpap (smear|test)\b/i, /\bmicroscopic description\b/i, /\bpathologist\b/i]],
  ["procedure", [/\bcolonoscopy\b/i, /\bendoscopy\b/i, /\b(egd|esophagogastroduodenoscopy)\b/i, /\bsigmoidoscopy\b/i, /\bprocedure (note|report|date)\b/i, /\boperative report\b/i, /\bcecum\b/i]],
  ["imaging", [/\bmammo(gram|graphy)\b/i, /\bradiology\b/i, /\bimaging\b/i, /\b(x-ray|radiograph)\b/i, /\b(ct|mri|pet) (scan|of|chest|abdomen|head)\b/i, /\bultrasound\b/i, /\b(dexa|dxa|bone density)\b/i, /\bbi-?rads\b/i]],
  ["lab", [/\blaboratory\b/i, /\blab (report|results?)\b/i, /\breference (range|interval)\b/i, /\bhemoglobin a1c\b/i, /\blipid panel\b/i, /\b(cbc|cmp|bmp)\b/, /\bspecimen received\b/i, /\bmg\/dl\b/i]],
  ["hospital", [/\bdischarge summary\b/i, /\bhospital course\b/i, /\badmission date\b/i, /\bemergency (department|room)\b/i, /\bED (visit|note)\b/, /\binpatient\b/i, /\bhospital\b/i]],
  ["consult", [/\bconsult(ation)?\b/i, /\breason for (consult|referral)\b/i, /\breferral letter\b/i, /\bthank you for (referring|the referral)\b/i]],
];
