import type { DocumentCategory, DocumentFact, PatientFacts } from "@/lib/screening";

/**
 * Deterministic synthetic patients for benchmarks: a seeded PRNG, codes drawn from pools that mix
 * codes the USPSTF preset counts with everyday ones it ignores, partial/missing/future dates, uncoded
 * free-text history, non-final statuses, and documents whose text reads like real reports (negation
 * and plan cues included). No real patient data; the same seed always yields the same patients.
 */
export type SyntheticPatientOptions = { count: number; seed: number; documentsPerPatient: number; asOf: string };

type Rng = () => number;

/** mulberry32: tiny, fast and good enough for test data. */
function createRng(seed: number): Rng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const chance = (rng: Rng, p: number) => rng() < p;

const LOINC = "http://loinc.org";
const SNOMED = "http://snomed.info/sct";
const CPT = "http://www.ama-assn.org/go/cpt";
const CVX = "http://hl7.org/fhir/sid/cvx";
const ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";

type Code = { system: string; code: string; display: string };
const c = (system: string, code: string, display: string): Code => ({ system, code, display });

const conditionPool: Code[] = [
  c(ICD10, "I10", "Essential hypertension"), c(ICD10, "E78.5", "Hyperlipidemia"), c(ICD10, "E66.9", "Obesity"),
  c(ICD10, "E11.9", "Type 2 diabetes mellitus"), c(ICD10, "Z87.891", "History of nicotine dependence"),
  c(ICD10, "F17.210", "Nicotine dependence, cigarettes"), c(ICD10, "K21.9", "GERD"), c(ICD10, "M17.11", "Osteoarthritis, right knee"),
  c(ICD10, "J45.909", "Asthma"), c(ICD10, "F32.A", "Depression"), c(ICD10, "Z68.31", "BMI 31.0-31.9, adult"),
  c(SNOMED, "38341003", "Hypertensive disorder"), c(SNOMED, "414916001", "Obesity"), c(SNOMED, "8517006", "Ex-smoker"),
  c(ICD10, "Z90.710", "Acquired absence of both cervix and uterus"), c(ICD10, "B18.2", "Chronic viral hepatitis C"),
];
const uncodedConditions = ["Obesity", "Former smoker", "History of total colectomy", "Seasonal allergies", "No history of smoking"];

const procedurePool: Code[] = [
  c(CPT, "45378", "Colonoscopy, diagnostic"), c(CPT, "45385", "Colonoscopy with polypectomy"), c(CPT, "77067", "Screening mammography"),
  c(CPT, "77080", "DXA bone density"), c(CPT, "71271", "Low-dose CT lung screening"), c(CPT, "76706", "AAA ultrasound"),
  c(CPT, "99213", "Office visit"), c(CPT, "93000", "Electrocardiogram"), c(CPT, "36415", "Venipuncture"),
  c(CPT, "81528", "Cologuard"), c(CPT, "82274", "FIT"), c(CPT, "88175", "Cytopath, cervical, automated"),
  c(SNOMED, "73761001", "Colonoscopy"), c(CPT, "29881", "Knee arthroscopy"), c(CPT, "58150", "Total abdominal hysterectomy"),
];
const uncodedProcedures = ["Colonoscopy", "Screening colonoscopy at outside hospital", "Appendectomy", "Mammogram", "Cataract surgery"];

type ObservationTemplate = Code & { value?: () => number; valueCodes?: Code[] };
const observationPool: ObservationTemplate[] = [
  c(LOINC, "8480-6", "Systolic blood pressure"), c(LOINC, "8462-4", "Diastolic blood pressure"), c(LOINC, "85354-9", "Blood pressure panel"),
  c(LOINC, "8867-4", "Heart rate"), c(LOINC, "29463-7", "Body weight"), c(LOINC, "8302-2", "Body height"),
  c(LOINC, "4548-4", "Hemoglobin A1c"), c(LOINC, "2093-3", "Cholesterol"), c(LOINC, "13457-7", "LDL cholesterol (calc)"),
  c(LOINC, "2345-7", "Glucose"), c(LOINC, "718-7", "Hemoglobin"), c(LOINC, "6690-2", "WBC"), c(LOINC, "2160-0", "Creatinine"),
  c(LOINC, "44249-1", "PHQ-9 total"), c(LOINC, "13955-0", "Hepatitis C antibody"), c(LOINC, "75622-1", "HIV 1+2 Ag+Ab"),
  c(LOINC, "29771-3", "Hemoglobin.gastrointestinal by immunoassay"), c(LOINC, "10524-7", "Cytology cervical"),
  c(LOINC, "30167-1", "HPV DNA"), c(LOINC, "24606-6", "Mammogram screening"),
];
const bmi = (rng: Rng): ObservationTemplate => ({ ...c(LOINC, "39156-5", "BMI"), value: () => Math.round((18 + rng() * 22) * 10) / 10 });
const smokingStatus: ObservationTemplate = {
  ...c(LOINC, "72166-2", "Tobacco smoking status"),
  valueCodes: [c(SNOMED, "8517006", "Ex-smoker"), c(SNOMED, "266919005", "Never smoker"), c(SNOMED, "449868002", "Current every day smoker")],
};

const reportPool: Code[] = [
  c(LOINC, "57698-3", "Lipid panel"), c(LOINC, "58410-2", "CBC panel"), c(LOINC, "24606-6", "Mammogram screening report"),
  c(LOINC, "19762-4", "Cervical cytology report"), c(LOINC, "24323-8", "Comprehensive metabolic panel"), c(LOINC, "24331-1", "Lipid 1996 panel"),
];
const immunizationPool: Code[] = [
  c(CVX, "141", "Influenza, seasonal, injectable"), c(CVX, "150", "Influenza, injectable, quadrivalent, preservative free"),
  c(CVX, "158", "Influenza, injectable, quadrivalent"), c(CVX, "115", "Tdap"), c(CVX, "09", "Td (adult)"),
  c(CVX, "33", "Pneumococcal polysaccharide PPV23"), c(CVX, "133", "PCV13"), c(CVX, "187", "Zoster recombinant"),
  c(CVX, "208", "COVID-19, mRNA"), c(CVX, "43", "Hepatitis B, adult"), c(CPT, "90686", "Influenza vaccine, quadrivalent"),
];

type DocumentTemplate = { category: DocumentCategory; title: string; filename: string; body: readonly string[] };
const documentTemplates: DocumentTemplate[] = [
  { category: "imaging", title: "MAMMOGRAM BILATERAL SCREENING", filename: "mammo_screening_{date}.pdf", body: [
    "EXAM: Digital screening mammogram, bilateral, with breast tomosynthesis (3D mammogram).",
    "COMPARISON: Prior mammography from two years ago. BREAST DENSITY: Scattered fibroglandular densities.",
    "FINDINGS: No suspicious masses, calcifications or architectural distortion. IMPRESSION: BI-RADS 1, negative.",
    "RECOMMENDATION: Routine screening mammogram in 1-2 years."] },
  { category: "procedure", title: "Colonoscopy Procedure Report", filename: "ColonoscopyReport_{date}.pdf", body: [
    "PROCEDURE: Screening colonoscopy to the cecum. Indication: average-risk colorectal cancer screening.",
    "Bowel preparation was good (BBPS 8). Two diminutive sessile polyps in the sigmoid colon removed with cold snare.",
    "IMPRESSION: Two small polyps removed, otherwise normal colonoscopy. Not a virtual colonoscopy.",
    "PLAN: Await pathology. Repeat colonoscopy in 7 years if tubular adenoma."] },
  { category: "imaging", title: "DXA Bone Density", filename: "dxa_scan_{date}.pdf", body: [
    "EXAM: Dual-energy x-ray absorptiometry (DXA) of the lumbar spine and left hip.",
    "RESULTS: L1-L4 T-score -1.6. Left femoral neck T-score -2.1. IMPRESSION: Osteopenia.",
    "Bone mineral density has decreased 3% since the previous study. Recommend calcium and vitamin D."] },
  { category: "lab", title: "Laboratory Results", filename: "labs_{date}.pdf", body: [
    "Hemoglobin A1c 5.9 % (ref 4.0-5.6) H. Fasting glucose 104 mg/dL.",
    "Lipid panel: total cholesterol 212, LDL cholesterol 131, HDL 48, triglycerides 165.",
    "Hepatitis C antibody: non-reactive. HIV Ag/Ab screen: non-reactive.",
    "Specimen collected fasting. Results reviewed and released to the patient portal."] },
  { category: "consult", title: "Annual Wellness Visit", filename: "awv_note_{date}.docx", body: [
    "SUBJECTIVE: 62 y/o here for annual wellness visit. Denies chest pain or shortness of breath.",
    "Patient declined mammogram today, prefers to discuss with daughter. No prior colonoscopy.",
    "PHQ-9 score 3, minimal depression. Discussed flu shot; patient received influenza vaccine at pharmacy in October.",
    "PLAN: Recommend colonoscopy; referral for colonoscopy placed. Will order lipid panel and hemoglobin A1c.",
    "Family history of colon cancer in mother at age 70. Former smoker, quit 2010, 25 pack-years."] },
  { category: "hospital", title: "Discharge Summary", filename: "discharge_summary_{date}.pdf", body: [
    "ADMISSION DIAGNOSIS: Community-acquired pneumonia. HOSPITAL COURSE: Treated with ceftriaxone and azithromycin.",
    "Pneumococcal vaccine (PPSV23) given prior to discharge. Tdap up to date per patient, last in 2019.",
    "DISCHARGE PLAN: Follow up with PCP in 1 week. Low-dose CT for lung cancer screening is due; to be scheduled."] },
  { category: "pathology", title: "Surgical Pathology", filename: "path_report_{date}.pdf", body: [
    "SPECIMEN: Cervical cytology, ThinPrep Pap test with reflex high-risk HPV testing.",
    "INTERPRETATION: Negative for intraepithelial lesion or malignancy (NILM). High-risk HPV not detected.",
    "Specimen adequacy: satisfactory for evaluation; endocervical component present."] },
  { category: "lab", title: "Stool Test", filename: "cologuard_result_{date}.pdf", body: [
    "Cologuard (multitarget stool DNA) result: NEGATIVE. Next screening per guidelines in 3 years.",
    "Fecal immunochemical test was not performed as Cologuard was completed."] },
  { category: "other", title: "Outside Records", filename: "scan_{date}.tif", body: [
    "Received records from outside clinic, fax pages 1-6. Patient had a shingles vaccine (Shingrix) dose 1 and dose 2.",
    "Status post total abdominal hysterectomy for fibroids. Abdominal aortic aneurysm screening ultrasound: no aneurysm.",
    "Patient is not enrolled in hospice. Flex sig in the remote past."] },
];
const fillerSentences = [
  "Vital signs were reviewed and are within normal limits.", "Medications reconciled; no changes today.",
  "Allergies: no known drug allergies.", "The patient tolerated the procedure well without complications.",
  "Electronically signed by the attending physician.", "Patient education materials were provided.",
  "Questions were answered and the patient agrees with the plan.", "Review of systems negative except as noted in HPI.",
];

function formatDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function createFactDate(rng: Rng, asOfDay: number) {
  // Mostly within the last 15 years; a few partial, missing or future dates, as real histories have.
  return (): string | null => {
    const roll = rng();
    if (roll < 0.03) return null;
    const day = roll < 0.06 ? asOfDay + 1 + Math.floor(rng() * 90) : asOfDay - Math.floor(rng() * 15 * 365);
    const full = formatDate(day);
    if (roll > 0.97) return full.slice(0, 4);
    if (roll > 0.94) return full.slice(0, 7);
    return full;
  };
}

function buildDocument(rng: Rng, id: string, asOfDay: number): DocumentFact {
  const template = pick(rng, documentTemplates);
  const dated = chance(rng, 0.9);
  const serviceDate = dated ? formatDate(asOfDay - Math.floor(rng() * 12 * 365)) : null;
  const sentences = [...template.body];
  const fillers = 4 + Math.floor(rng() * 10);
  for (let i = 0; i < fillers; i++) sentences.splice(Math.floor(rng() * (sentences.length + 1)), 0, pick(rng, fillerSentences));
  const ocr = chance(rng, 0.3);
  return {
    id,
    category: chance(rng, 0.85) ? template.category : pick(rng, ["other", "consult", "lab"] as const),
    serviceDate,
    dateSource: serviceDate === null ? null : pick(rng, ["ehr_service", "ehr_service", "ehr_document", "extracted_text", "received"] as const),
    title: chance(rng, 0.9) ? template.title : null,
    filename: chance(rng, 0.8) ? template.filename.replace("{date}", serviceDate ?? "undated") : null,
    text: sentences.join(chance(rng, 0.5) ? "\n" : " "),
    confidence: ocr ? Math.round((0.55 + rng() * 0.44) * 100) / 100 : null,
    // Document-level confidence only (no page spans), as documents read before spans were kept.
    ocrPages: [],
  };
}

function buildPatient(rng: Rng, index: number, documents: number, asOfDay: number): PatientFacts {
  const date = createFactDate(rng, asOfDay);
  const id = (kind: string, i: number) => `${kind}-${index}-${i}`;
  const coded = (pool: readonly Code[]) => (chance(rng, 0.02) ? [] : [pick(rng, pool)]);
  // Every patient has 50 evidence items; documents take the place of observations.
  const observations = 30 - documents;
  const sex = rng();
  return {
    patient: {
      birthDate: formatDate(asOfDay - Math.floor((18 + rng() * 72) * 365.25)),
      sexForClinicalUse: sex < 0.48 ? "female" : sex < 0.96 ? "male" : sex < 0.98 ? "unknown" : "other",
    },
    conditions: Array.from({ length: 6 }, (_, i) => {
      const uncoded = chance(rng, 0.1);
      return {
        id: id("cond", i), codes: uncoded ? [] : coded(conditionPool), text: uncoded ? pick(rng, uncodedConditions) : null,
        onset: date(), abatement: chance(rng, 0.1) ? date() : null,
        clinicalStatus: pick(rng, ["active", "active", "active", "resolved", "inactive", "unknown"] as const),
        verificationStatus: chance(rng, 0.95) ? "confirmed" : pick(rng, ["refuted", "provisional", "entered-in-error"] as const),
      };
    }),
    procedures: Array.from({ length: 5 }, (_, i) => {
      const uncoded = chance(rng, 0.12);
      return {
        id: id("proc", i), codes: uncoded ? [] : coded(procedurePool), text: uncoded ? pick(rng, uncodedProcedures) : null,
        status: chance(rng, 0.9) ? "completed" : pick(rng, ["not-done", "in-progress", "stopped"] as const), performed: date(),
      };
    }),
    observations: Array.from({ length: observations }, (_, i) => {
      const template = i === 0 ? smokingStatus : i === 1 ? bmi(rng) : pick(rng, observationPool);
      return {
        id: id("obs", i), codes: [{ system: template.system, code: template.code, display: template.display }], text: null,
        status: chance(rng, 0.92) ? "final" : pick(rng, ["preliminary", "cancelled", "amended", "registered"] as const),
        effective: date(), valueCodes: template.valueCodes ? [pick(rng, template.valueCodes)] : [],
        valueNumber: template.value ? template.value() : chance(rng, 0.5) ? Math.round(rng() * 2000) / 10 : null,
      };
    }),
    diagnosticReports: Array.from({ length: 3 }, (_, i) => ({
      id: id("rep", i), codes: coded(reportPool), text: null,
      status: chance(rng, 0.9) ? "final" : pick(rng, ["preliminary", "partial", "cancelled"] as const), effective: date(),
    })),
    immunizations: Array.from({ length: 6 }, (_, i) => ({
      id: id("imm", i), codes: coded(immunizationPool), text: null,
      status: chance(rng, 0.93) ? "completed" : pick(rng, ["not-done", "entered-in-error"] as const), occurrence: date(),
    })),
    documents: Array.from({ length: documents }, (_, i) => buildDocument(rng, id("doc", i), asOfDay)),
  };
}

/** Fresh objects on every call, so no identity-keyed cache from an earlier run can be reused. */
export function generateSyntheticPatients(options: SyntheticPatientOptions): PatientFacts[] {
  const rng = createRng(options.seed);
  const asOfDay = Math.floor(Date.parse(`${options.asOf}T00:00:00Z`) / 86_400_000);
  return Array.from({ length: options.count }, (_, index) => buildPatient(rng, index, options.documentsPerPatient, asOfDay));
}
