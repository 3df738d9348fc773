/** Synthetic report bodies. Wording follows common US report layouts; no real patient data. */
export interface ReportText {
  title: string;
  lines: string[];
}

export function colonoscopyReport(name: string, date: string): ReportText {
  return {
    title: "COLONOSCOPY REPORT",
    lines: [
      `Patient: ${name}    Date of procedure: ${date}`,
      "Indication: Average-risk colorectal cancer screening.",
      "Procedure: Colonoscopy to the cecum. Bowel preparation: good (BBPS 8).",
      "Findings: One 4 mm sessile polyp in the sigmoid colon, removed with cold snare.",
      "No other abnormalities. Withdrawal time 9 minutes.",
      "Impression: Single small polyp, removed.",
      "Recommendation: Await pathology. Repeat colonoscopy in 7 years if tubular adenoma.",
      "Endoscopist: Sandbox Gastroenterology, MD",
    ],
  };
}

export function pathologyReport(name: string, date: string): ReportText {
  return {
    title: "SURGICAL PATHOLOGY REPORT",
    lines: [
      `Patient: ${name}    Collected: ${date}`,
      "Specimen: Sigmoid colon polyp, cold snare polypectomy.",
      "Final diagnosis: Tubular adenoma. Negative for high-grade dysplasia.",
      "Gross: One tan polypoid fragment, 0.4 cm.",
      "Pathologist: Sandbox Pathology, MD",
    ],
  };
}

export function mammogramReport(name: string, date: string): ReportText {
  return {
    title: "SCREENING MAMMOGRAM",
    lines: [
      `Patient: ${name}    Exam date: ${date}`,
      "Exam: Bilateral digital screening mammography with tomosynthesis.",
      "Breast density: Scattered areas of fibroglandular density (B).",
      "Findings: No suspicious mass, calcification or architectural distortion.",
      "Impression: BI-RADS 1 - Negative. Routine annual screening recommended.",
    ],
  };
}

export function labPanelReport(name: string, date: string, a1c: number, ldl: number): ReportText {
  return {
    title: "LABORATORY REPORT",
    lines: [
      `Patient: ${name}    Collected: ${date}`,
      "Test                         Result     Flag   Reference",
      `Hemoglobin A1c               ${a1c.toFixed(1)} %      ${a1c > 5.6 ? "H" : " "}      4.0-5.6 %`,
      "Cholesterol, total           212 mg/dL  H      <200 mg/dL",
      "HDL cholesterol              48 mg/dL          >40 mg/dL",
      `LDL cholesterol (calc)       ${ldl} mg/dL  ${ldl > 99 ? "H" : " "}      <100 mg/dL`,
      "Triglycerides                150 mg/dL         <150 mg/dL",
    ],
  };
}

export function dischargeSummary(name: string, admit: string, discharge: string): ReportText {
  return {
    title: "DISCHARGE SUMMARY",
    lines: [
      `Patient: ${name}    Admitted: ${admit}    Discharged: ${discharge}`,
      "Principal diagnosis: Community-acquired pneumonia, right lower lobe.",
      "Hospital course: Treated with ceftriaxone and azithromycin, then oral therapy.",
      "Discharge medications: Amoxicillin-clavulanate 875 mg twice daily for 5 days.",
      "Follow-up: Primary care in 1 week. Repeat chest x-ray in 6 weeks.",
    ],
  };
}

export function progressNote(name: string, date: string, assessment: string): ReportText {
  return {
    title: "PROGRESS NOTE",
    lines: [
      `Patient: ${name}    Visit: ${date}`,
      "Subjective: Here for follow-up. No new complaints.",
      `Assessment: ${assessment}`,
      "Plan: Continue current medications. Labs before next visit.",
    ],
  };
}
