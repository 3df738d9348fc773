import type { QualityMeasureDefinition } from "../measure-definition";
import type { QmFacts, QmResource, Span } from "../qm-facts";
import { hasHospiceServices, qualifyingEncounters } from "../common-libraries";
import {
  ageInYearsAt, dayIn, numeratorMetBy, during, hasCode, isVerified, latest, overlaps, prevalenceInterval, proportionGroup, retrieve, systems, isEncounterFinished,
} from "../qm-logic";
import { valueSetsNamed } from "../value-set-oids";

/**
 * CMS153 Chlamydia Screening in Women: women 16–24 at the end of the period with a visit in it who are
 * identified as sexually active (a "yes" to ever having had vaginal intercourse; a diagnosis of
 * sexual activity, HIV or a pregnancy complication; a contraceptive; an order for a pregnancy, Pap or
 * STI test or a pregnancy-related study; a procedure indicating sexual activity), with a chlamydia
 * test in the period. Excluded: hospice, and women identified only by a pregnancy test that was
 * followed within six days by an x-ray or isotretinoin order (a test for safety, not sexual activity).
 */
const vs = valueSetsNamed(
  "chlamydiaScreening", "officeVisit", "preventiveEstablished18Up", "preventiveInitial18Up", "preventiveInitial0To17",
  "preventiveEstablished0To17", "homeHealthcareServices", "telephoneVisits", "virtualEncounter", "diagnosesUsedToIndicateSexualActivity",
  "hiv", "complicationsOfPregnancy", "contraceptiveMedications", "pregnancyTest", "papTest", "labTestsDuringPregnancy",
  "labTestsForSexuallyTransmittedInfections", "diagnosticStudiesDuringPregnancy", "proceduresUsedToIndicateSexualActivity", "xRayStudy",
  "isotretinoin",
);

const encounters = [
  vs.officeVisit, vs.preventiveEstablished18Up, vs.preventiveInitial18Up, vs.preventiveInitial0To17, vs.preventiveEstablished0To17,
  vs.homeHealthcareServices, vs.telephoneVisits, vs.virtualEncounter,
];

const finalResult = ["final", "amended", "corrected"];
const orderIntents = ["order", "original-order", "reflex-order", "filler-order", "instance-order"];
/** Status library order filters (lab, diagnostic study, medication): active or completed orders; a do-not-perform request is no order. */
const isOrder = (r: QmResource) => !r.doNotPerform && ["active", "completed"].includes(r.status ?? "") && orderIntents.includes(r.intent ?? "");
const orders = (facts: QmFacts, type: "ServiceRequest" | "MedicationRequest", oid: string, mp: Span) =>
  retrieve(facts, type, oid).filter((r) => isOrder(r) && dayIn(r.authoredOn, mp));

/** Every way the measure identifies sexual activity, except a pregnancy test order (which the exclusion treats apart). */
function sexualActivityOtherThanPregnancyTest(facts: QmFacts, mp: Span): string | null {
  const checks: [string, () => boolean][] = [
    ["reported vaginal intercourse", () => retrieve(facts, "Observation").some(
      (o) => hasCode(o.codes, systems.loinc, "64728-9") && finalResult.includes(o.status ?? "") && hasCode(o.value.codes, systems.snomed, "373066001") && o.timing !== null && !o.timing.hiUnknown && o.timing.hi <= mp.hi,
    )],
    ["a diagnosis indicating sexual activity", () => [vs.diagnosesUsedToIndicateSexualActivity, vs.hiv, vs.complicationsOfPregnancy].some((oid) =>
      retrieve(facts, "Condition", oid).some((c) => isVerified(c) && overlaps(prevalenceInterval(c), mp)),
    )],
    ["an active contraceptive", () => retrieve(facts, "MedicationRequest", vs.contraceptiveMedications).some(
      (m) => !m.doNotPerform && m.status === "active" && orderIntents.includes(m.intent ?? "") && overlaps(m.medicationPeriod, mp),
    )],
    ["a contraceptive ordered", () => orders(facts, "MedicationRequest", vs.contraceptiveMedications, mp).length > 0],
    ["a Pap, pregnancy-related or STI lab test ordered", () => [vs.papTest, vs.labTestsDuringPregnancy, vs.labTestsForSexuallyTransmittedInfections].some((oid) => orders(facts, "ServiceRequest", oid, mp).length > 0)],
    ["a pregnancy-related diagnostic study ordered", () => orders(facts, "ServiceRequest", vs.diagnosticStudiesDuringPregnancy, mp).length > 0],
    ["a procedure indicating sexual activity", () => retrieve(facts, "Procedure", vs.proceduresUsedToIndicateSexualActivity).some((p) => p.status === "completed" && during(p.timing, mp))],
  ];
  return checks.find(([, check]) => check())?.[0] ?? null;
}

/** A pregnancy test ordered in the period followed, that day or within six days, by an x-ray or isotretinoin order. */
function pregnancyTestBeforeXrayOrIsotretinoin(facts: QmFacts, mp: Span): boolean {
  const followers = [
    ...retrieve(facts, "ServiceRequest", vs.xRayStudy).filter(isOrder),
    ...retrieve(facts, "MedicationRequest", vs.isotretinoin).filter(isOrder),
  ];
  return orders(facts, "ServiceRequest", vs.pregnancyTest, mp).some((test) =>
    followers.some((f) => f.authoredOn !== null && f.authoredOn >= test.authoredOn! && f.authoredOn <= test.authoredOn! + 6),
  );
}

/** QI-Core 6 `Patient.sex = '248152002'`: the US Core sex extension says female (SNOMED). */
const isFemale = (facts: QmFacts) => facts.sexCode === "248152002";

function evaluate(facts: QmFacts, mp: Span, reasons: string[]) {
  const age = ageInYearsAt(facts, mp.hi);
  const visit = qualifyingEncounters(facts, encounters, mp, isEncounterFinished).length > 0;
  const otherActivity = sexualActivityOtherThanPregnancyTest(facts, mp);
  const pregnancyTest = orders(facts, "ServiceRequest", vs.pregnancyTest, mp).length > 0;
  const active = otherActivity !== null || pregnancyTest;
  reasons.push(
    `${isFemale(facts) ? "Female" : "Not female"}, age ${age} at the end of the period (16–24); ${visit ? "a qualifying visit" : "no qualifying visit"}; ` +
      `${active ? `sexually active (${otherActivity ?? "a pregnancy test ordered"})` : "no sign of sexual activity"} in the period.`,
  );
  return [
    proportionGroup({
      ip: age >= 16 && age <= 24 && isFemale(facts) && visit && active,
      denex: () => {
        if (hasHospiceServices(facts, mp, isEncounterFinished)) {
          reasons.push("Excluded: hospice care in the period.");
          return true;
        }
        const safetyTestOnly = otherActivity === null && pregnancyTestBeforeXrayOrIsotretinoin(facts, mp);
        if (safetyTestOnly) reasons.push("Excluded: identified only by a pregnancy test before an x-ray or isotretinoin.");
        return safetyTestOnly;
      },
      numer: () => {
        const test = retrieve(facts, "Observation", vs.chlamydiaScreening).find((o) => finalResult.includes(o.status ?? "") && o.value.present && dayIn(latest(o.timing), mp));
        return numeratorMetBy(test, "chlamydia test", latest, reasons, "with a result in the period");
      },
    }),
  ];
}

export const cms153Versions: readonly QualityMeasureDefinition[] = [
  {
    cmsId: "CMS153",
    version: "CMS153v14",
    performanceYear: 2026,
    title: "Chlamydia Screening in Women",
    valueSets: Object.values(vs),
    gapAction: "Order a chlamydia test (urine or swab NAAT) this year.",
    evaluate,
  },
];
