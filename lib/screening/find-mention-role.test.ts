import { describe, expect, it } from "vitest";
import { describeDocumentLayout, findMentionRole, quoteSentence, type MentionRole } from "./find-mention-role";

/** The role of the first mention of `word` in `text`. */
function roleOf(text: string, word: string): MentionRole {
  const start = text.toLowerCase().indexOf(word.toLowerCase());
  if (start < 0) throw new Error(`${word} not in text`);
  return findMentionRole(describeDocumentLayout(text), start, start + word.length);
}

describe("findMentionRole", () => {
  const cases: [string, string, string, MentionRole][] = [
    ["report title at the top", "Patient: A B\nDOB: 01/02/1960\nBilateral Screening Mammogram\nFindings: dense breasts.", "mammogram", "title"],
    ["a report heading is a subject section", "Patient: A B\nScreening Mammogram Report\nFindings: dense breasts.", "mammogram", "subject"],
    ["Procedure: field", "Date of Visit: 06/20/2025\nProcedure: Bilateral digital mammography.\nImpression: benign.", "mammography", "subject"],
    ["field named after the test under Impressions", "Impressions:\nNormal Colonoscopy: the colon was normal to the cecum.", "colonoscopy", "subject"],
    ["result row", "Test Result Units\nHemoglobin A1c 5.8 %\nGlucose 95 mg/dL", "hemoglobin a1c", "result"],
    ["result row with a qualifier before the value", "Lipids\nLDL-C (NIH Calc) 112 H 118 mg/dL", "ldl-c", "result"],
    ["Synthea list of procedures performed", "# Plan\nThe following procedures were conducted:\n- mammography (procedure)\n", "mammography", "performed"],
    ["PROCEDURES heading of a visit note", "PROCEDURES:\nColonoscopy: normal to the cecum.", "colonoscopy", "subject"],
    ["performed statement in prose", "Dear patient,\nYou have undergone a colonoscopy today under sedation and did well.", "colonoscopy", "performed"],
    ["clinical history of a pathology report", "PATHOLOGY REPORT\nClinical History: new calcifications identified on screening\nmammogram and ultrasound are suspicious for malignancy.\nDiagnosis: DCIS.", "mammogram", "context"],
    ["clinical history on one line", "Clinical History: abnormal Pap test result with high-risk HPV.", "pap test", "context"],
    ["indication", "Clinical Indication: prior mammogram showed a mass.", "mammogram", "context"],
    ["markdown history section", "# History of Present Illness\nShe had a colonoscopy in the past.", "colonoscopy", "context"],
    ["plan after a Synthea performed list is context again", "The following procedures were conducted:\n- depression screening\nThe patient was prescribed the following medications:\n- statin before lipid panel\n", "lipid panel", "context"],
    ["a referral letter quoting a value", "Notes:\nDear Dr. Rossi,\nHis most recent HbA1c was 9.8%, despite adherence.", "hba1c", "quoted"],
    ["a referral letter naming a test without a value", "Notes:\nDear Dr. Rossi,\nShe is due for a mammogram and I am referring her.", "mammogram", "context"],
    ["a value quoted in prose outside any section", "Dear Dr. Rossi,\nHis most recent HbA1c was 9.8%, despite adherence.", "hba1c", "quoted"],
    ["prose with a performed verb and its own year stays prose", "Colonoscopy performed in 2015 was normal per patient report today.", "colonoscopy", "narrative"],
    ["a slide stain in a description is prose", "Microscopic Description: see below\nReceived four Papanicolaou-stained slides, all adequate for interpretation.", "papanicolaou", "narrative"],
  ];
  it.each(cases)("%s", (_name, text, word, expected) => {
    expect(roleOf(text, word)).toBe(expected);
  });
});

describe("quoteSentence", () => {
  it("quotes the sentence, joining wrapped prose lines", () => {
    const text = "Clinical History: 56-year-old female with calcifications identified on screening\nmammogram (BI-RADS 4C).\nDiagnosis: DCIS.";
    const start = text.indexOf("mammogram");
    expect(quoteSentence(text, start, start + 9)).toBe("Clinical History: 56-year-old female with calcifications identified on screening mammogram (BI-RADS 4C).");
  });
  it("stops at the line of a list item", () => {
    const text = "Vaccines\nInfluenza - 10/15/2024\nTdap - 08/20/2022\nProblems";
    const start = text.indexOf("Tdap");
    expect(quoteSentence(text, start, start + 4)).toBe("Tdap - 08/20/2022");
  });
});
