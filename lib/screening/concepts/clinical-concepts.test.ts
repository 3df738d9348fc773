import { describe, expect, it } from "vitest";
import { matchCodeSet, type CodeSystem } from "../code-set";
import { qualityMeasureVersions } from "../quality-measures/measure-registry";
import { screeningPresetSchema } from "../screening-type";
import { uspstfAdultPrimaryCarePreset } from "../presets/uspstf-adult-primary-care";
import { generatedValueSets } from "../value-sets/value-sets.generated";
import { clinicalConcepts, conceptIds, type ConceptId } from "./clinical-concepts";
import { conceptCodeSet, evidenceCodeSet } from "./concept-code-set";

const sct = "http://snomed.info/sct";
const loinc = "http://loinc.org";
const cpt = "http://www.ama-assn.org/go/cpt";
const hcpcs = "urn:oid:2.16.840.1.113883.6.285";
// Hand-typed supplements: the shape of each system's codes (CPT includes category II/III codes, 3044F).
const formats: Record<CodeSystem, RegExp> = {
  LOINC: /^\d{1,7}-\d$/, SNOMED: /^\d{6,18}$/, CPT: /^\d{4}[0-9FTU]$/, HCPCS: /^[A-V]\d{4}$/, CVX: /^\d{1,3}$/, ICD10CM: /^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/,
};
const matches = (id: ConceptId, system: string, code: string) => matchCodeSet(conceptCodeSet(id), [{ system, code }]) !== null;

describe("clinical concept catalogue", () => {
  it.each(conceptIds)("%s: cites value sets the product has and says why each supplement belongs", (id) => {
    const concept = clinicalConcepts[id];
    for (const oid of concept.valueSets) expect(generatedValueSets[oid], oid).toBeDefined();
    for (const s of concept.supplements) {
      expect(s.why.length, `${id} ${s.system}`).toBeGreaterThan(15);
      expect(s.codes.length).toBeGreaterThan(0);
      for (const code of s.codes) expect(formats[s.system].test(code), `${id} ${s.system}|${code}`).toBe(true);
    }
    expect(concept.valueSets.length + concept.supplements.length).toBeGreaterThan(0);
  });

  // How EHRs record each test: measure value-set codes, billing codes, and SNOMED procedures (Synthea's among them).
  it.each<[ConceptId, string, string]>([
    ["mammography", sct, "71651007"],
    ["mammography", loinc, "24606-6"],
    ["mammography", cpt, "77067"],
    ["mammography", hcpcs, "G0202"],
    ["colonoscopy", sct, "73761001"],
    ["colonoscopy", cpt, "45378"],
    ["colonoscopy", hcpcs, "G0121"],
    ["flexible-sigmoidoscopy", cpt, "45330"],
    ["ct-colonography", cpt, "74263"],
    ["ct-colonography", loinc, "60515-4"],
    ["fobt-fit", loinc, "57905-2"],
    ["fobt-fit", sct, "104435004"],
    ["fobt-fit", cpt, "82274"],
    ["sdna-fit", loinc, "77353-1"],
    ["sdna-fit", cpt, "81528"],
    ["cervical-cytology", sct, "90226004"],
    ["cervical-cytology", loinc, "10524-7"],
    ["cervical-cytology", cpt, "88175"],
    ["hpv-test", loinc, "30167-1"],
    ["hpv-test", cpt, "87624"],
    ["hba1c", loinc, "4548-4"],
    ["hba1c", cpt, "83036"],
    ["lipid-panel", loinc, "57698-3"],
    ["lipid-panel", loinc, "2093-3"],
    ["lipid-panel", cpt, "80061"],
    ["bone-density", sct, "312681000"],
    ["bone-density", loinc, "38265-5"],
    ["bone-density", cpt, "77080"],
    ["hiv-test", loinc, "75622-1"],
    ["hiv-test", sct, "31676001"],
    ["hiv-test", cpt, "87389"],
    ["hepatitis-c-antibody", sct, "104375008"],
    ["hepatitis-c-antibody", loinc, "13955-0"],
    ["hepatitis-c-antibody", hcpcs, "G0472"],
    ["chlamydia-test", loinc, "21613-5"],
    ["retinal-eye-exam", sct, "314971001"],
    ["retinal-eye-exam", sct, "722161008"],
    ["retinal-eye-exam", cpt, "92250"],
    ["depression-screening", sct, "171207006"],
    ["depression-screening", loinc, "73832-8"],
    ["depression-screening", loinc, "44261-6"],
    ["falls-screening", loinc, "73830-2"],
    ["bmi", loinc, "39156-5"],
    ["blood-pressure", loinc, "85354-9"],
    ["influenza-vaccine", "http://hl7.org/fhir/sid/cvx", "197"],
    ["diabetes", sct, "44054006"],
    ["diabetes", "http://hl7.org/fhir/sid/icd-10-cm", "E11.9"],
    ["hiv-infection", sct, "86406008"],
    ["no-residual-cervix", cpt, "58150"],
    ["colorectal-cancer-or-colectomy", "http://hl7.org/fhir/sid/icd-10-cm", "C18.7"],
  ])("%s includes %s|%s", (id, system, code) => {
    expect(matches(id, system, code)).toBe(true);
  });

  // Look-alikes that are a different thing: each must stay out.
  it.each<[ConceptId, string, string, string]>([
    ["colonoscopy", cpt, "74263", "CT colonography (virtual colonoscopy)"],
    ["hpv-test", "http://hl7.org/fhir/sid/cvx", "165", "HPV vaccine"],
    ["hba1c", loinc, "2345-7", "random serum glucose, in every metabolic panel"],
    ["fasting-glucose", loinc, "2345-7", "random serum glucose"],
    ["hiv-test", sct, "315124004", "HIV viral load: monitoring known HIV, not screening"],
    ["mammography", cpt, "76641", "breast ultrasound"],
    ["bone-density", loinc, "2345-7", "unrelated lab"],
    ["depression-screening", loinc, "69737-5", "GAD-7 anxiety score"],
  ])("%s excludes %s|%s (%s)", (id, system, code) => {
    expect(matches(id, system, code)).toBe(false);
  });
});

describe("one list shared by both modes", () => {
  // The quality measure that reads each concept's value sets: every version cites them all.
  it.each<[ConceptId, string]>([
    ["colonoscopy", "CMS130"],
    ["flexible-sigmoidoscopy", "CMS130"],
    ["ct-colonography", "CMS130"],
    ["fobt-fit", "CMS130"],
    ["sdna-fit", "CMS130"],
    ["mammography", "CMS125"],
    ["cervical-cytology", "CMS124"],
    ["hpv-test", "CMS124"],
    ["hba1c", "CMS122"],
    ["retinal-eye-exam", "CMS131"],
    ["hiv-test", "CMS349"],
    ["chlamydia-test", "CMS153"],
  ])("%s: the value sets are the ones %s reads", (id, cmsId) => {
    const versions = qualityMeasureVersions.filter((m) => m.cmsId === cmsId);
    expect(versions.length).toBeGreaterThan(0);
    for (const m of versions) for (const oid of clinicalConcepts[id].valueSets) expect(m.valueSets, `${m.version} ${oid}`).toContain(oid);
  });

  it("every preset type that records a test names its concept instead of typing codes", () => {
    const preset = screeningPresetSchema.parse(uspstfAdultPrimaryCarePreset);
    for (const type of preset.types) {
      expect(type.evidence.concepts.length, type.key).toBeGreaterThan(0);
      expect(Object.values(type.evidence.codes).flat(), type.key).toEqual([]);
    }
  });

  it("a type's own codes add to its concepts; without concepts the set is the type's own", () => {
    const codes = conceptCodeSet();
    const own = { ...codes, CPT: ["99999"] };
    expect(evidenceCodeSet({ codes: own, concepts: [] })).toBe(own);
    const both = evidenceCodeSet({ codes: own, concepts: ["mammography"] });
    expect(both.CPT).toEqual(expect.arrayContaining(["99999", "77067"]));
    expect(matchCodeSet(both, [{ system: sct, code: "71651007" }])).not.toBeNull();
  });
});
