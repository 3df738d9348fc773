import type { DiagnosticReport, Observation, Resource } from "@medplum/fhirtypes";
import { allergy, condition, immunization, lab, medication, procedure, smokingStatus, vitals } from "./clinical-builders";
import { patientRef, seedPatients } from "./default-patients";

const colonoscopy = { cpt: "45378", snomed: "73761001", display: "Colonoscopy" };
const mammogram = { cpt: "77067", snomed: "71651007", display: "Screening mammography" };
const papSmear = { cpt: "88142", snomed: "90226004", display: "Cervical cytology (Pap smear)" };

// Chosen so the seed holds normal, prediabetic and diabetic A1c values and LDL on both sides of 130,
// agreeing with the lab documents in seed-documents.ts.
const a1cByPatient = [6.1, 7.4, 5.5, 6.0, 5.3, 6.8, 5.1, 5.6, 5.4, 5.8];
const ldlByPatient = [131, 118, 162, 104, 96, 141, 88, 109, 92, 125];

/** Problems, labs, vitals, procedures, immunizations, meds and allergies; dates are `day(daysAgo)`. */
export function seedClinicalData(day: (daysAgo: number) => string): Resource[] {
  const out: Resource[] = [];
  seedPatients.forEach((p, i) => {
    const ref = patientRef(p);
    const id = (suffix: string) => `eSbx.${p.mrn}.${suffix}`;
    const older = p.birthDate < "1976-01-01";
    const a1c = a1cByPatient[i] ?? 5.4;
    const ldl = ldlByPatient[i] ?? 100;

    const labs: Observation[] = [
      lab(id("a1c"), ref, day(60 + i), { loinc: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood", value: Number(a1c.toFixed(1)), unit: "%", low: 4, high: 5.6 }),
      lab(id("ldl"), ref, day(60 + i), { loinc: "13457-7", display: "Cholesterol in LDL [Mass/volume] in Serum or Plasma by calculation", value: ldl, unit: "mg/dL", high: 99 }),
      lab(id("hdl"), ref, day(60 + i), { loinc: "2085-9", display: "Cholesterol in HDL [Mass/volume] in Serum or Plasma", value: 38 + i * 3, unit: "mg/dL", low: 40 }),
      lab(id("chol"), ref, day(60 + i), { loinc: "2093-3", display: "Cholesterol [Mass/volume] in Serum or Plasma", value: ldl + 80, unit: "mg/dL", high: 199 }),
      lab(id("egfr"), ref, day(60 + i), { loinc: "33914-3", display: "Glomerular filtration rate/1.73 sq M.predicted", value: 95 - i * 4, unit: "mL/min/{1.73_m2}", low: 60 }),
    ];
    // A second, older A1c so trend and "most recent" logic have something to choose between.
    labs.push(lab(id("a1c.prev"), ref, day(240 + i), { loinc: "4548-4", display: "Hemoglobin A1c/Hemoglobin.total in Blood", value: Number((a1c + 0.3).toFixed(1)), unit: "%", low: 4, high: 5.6 }));
    out.push(...labs, ...vitals(id("vs"), ref, day(30 + i), { sys: 118 + i * 3, dia: 74 + i, kg: 62 + i * 4, bmi: 22 + i * 0.9 }));
    out.push(smokingStatus(id("smoke"), ref, day(30 + i), i % 4 === 0 ? "8517006" : "266919005", i % 4 === 0 ? "Former smoker" : "Never smoker"));

    const panel: DiagnosticReport = {
      resourceType: "DiagnosticReport",
      id: id("lipid-panel"),
      status: "final",
      category: [{ coding: [{ system: "http://terminology.hl7.org/CodeSystem/v2-0074", code: "LAB", display: "Laboratory" }] }],
      code: { coding: [{ system: "http://loinc.org", code: "24331-1", display: "Lipid panel" }], text: "Lipid panel" },
      subject: ref,
      effectiveDateTime: day(60 + i),
      issued: day(60 + i),
      result: labs.slice(1, 4).map((o) => ({ reference: `Observation/${o.id}` })),
    };
    out.push(panel);

    if (a1c >= 6.5) out.push(condition(id("dm2"), ref, { icd10: "E11.9", snomed: "44054006", display: "Type 2 diabetes mellitus without complications", onset: day(2000) }));
    else if (a1c >= 5.7) out.push(condition(id("predm"), ref, { icd10: "R73.03", snomed: "714628002", display: "Prediabetes", onset: day(700) }));
    if (i % 2 === 1) out.push(condition(id("htn"), ref, { icd10: "I10", snomed: "38341003", display: "Essential hypertension", onset: day(1500) }));
    if (ldl > 130) out.push(condition(id("hld"), ref, { icd10: "E78.5", snomed: "55822004", display: "Hyperlipidemia", onset: day(900) }));
    out.push(condition(id("uri"), ref, { icd10: "J06.9", snomed: "54150009", display: "Upper respiratory infection", onset: day(400), category: "encounter-diagnosis", resolved: true }));

    if (older && i % 3 !== 2) out.push(procedure(id("colo"), ref, day(365 * (2 + (i % 8)) + i), colonoscopy));
    if (p.gender === "female" && older) out.push(procedure(id("mammo"), ref, day(200 + i * 40), mammogram));
    if (p.gender === "female" && p.birthDate > "1960-01-01") out.push(procedure(id("pap"), ref, day(600 + i * 50), papSmear));

    out.push(immunization(id("flu"), ref, day(40 + i * 20), "158", "Influenza, injectable, quadrivalent"));
    out.push(immunization(id("tdap"), ref, day(1200 + i * 300), "115", "Tdap"));
    if (older) out.push(immunization(id("zoster"), ref, day(500 + i * 30), "187", "Zoster recombinant"));
    if (p.birthDate < "1961-01-01") out.push(immunization(id("pcv20"), ref, day(300 + i * 10), "216", "Pneumococcal conjugate PCV20"));

    if (a1c >= 6.5) out.push(medication(id("metformin"), ref, day(1000), "860975", "metformin 500 MG Extended Release Oral Tablet"));
    if (i % 2 === 1) out.push(medication(id("lisinopril"), ref, day(1400), "314076", "lisinopril 10 MG Oral Tablet"));
    if (ldl > 130) out.push(medication(id("atorva"), ref, day(800), "617312", "atorvastatin 20 MG Oral Tablet"));
    if (i % 3 === 2) out.push(allergy(id("pcn"), ref, day(3000), "7980", "Penicillin G"));
  });
  return out;
}
