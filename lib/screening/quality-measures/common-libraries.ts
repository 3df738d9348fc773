import type { QmFacts, QmResource, Span } from "./qm-facts";
import {
  ageInYearsAt, during, endsDuring, endsOnOrBefore, inValueSet, isAssessmentPerformed, isDeviceOrder, isEncounterPerformed,
  isInterventionOrder, isInterventionPerformed, isMedicationActive, isSymptom, isVerified, overlaps, prevalenceInterval, retrieve,
  startsDuring, systems, yearsBefore, is,
} from "./qm-logic";

/**
 * The shared eCQM libraries most measures include: Hospice, PalliativeCare, AdvancedIllnessandFrailty
 * and the qualifying-encounter pattern. Each value set is named and cited by its VSAC OID.
 */
export const vs = {
  encounterInpatient: "2.16.840.1.113883.3.666.5.307",
  hospiceEncounter: "2.16.840.1.113883.3.464.1003.1003",
  hospiceCareAmbulatory: "2.16.840.1.113883.3.526.3.1584",
  hospiceDiagnosis: "2.16.840.1.113883.3.464.1003.1165",
  palliativeCareDiagnosis: "2.16.840.1.113883.3.464.1003.1167",
  palliativeCareEncounter: "2.16.840.1.113883.3.464.1003.101.12.1090",
  palliativeCareIntervention: "2.16.840.1.113883.3.464.1003.198.12.1135",
  frailtyDevice: "2.16.840.1.113883.3.464.1003.118.12.1300",
  frailtyDiagnosis: "2.16.840.1.113883.3.464.1003.113.12.1074",
  frailtyEncounter: "2.16.840.1.113883.3.464.1003.101.12.1088",
  frailtySymptom: "2.16.840.1.113883.3.464.1003.113.12.1075",
  advancedIllness: "2.16.840.1.113883.3.464.1003.110.12.1082",
  dementiaMedications: "2.16.840.1.113883.3.464.1003.196.12.1510",
  officeVisit: "2.16.840.1.113883.3.464.1003.101.12.1001",
  annualWellnessVisit: "2.16.840.1.113883.3.526.3.1240",
  preventiveEstablished18Up: "2.16.840.1.113883.3.464.1003.101.12.1025",
  preventiveInitial18Up: "2.16.840.1.113883.3.464.1003.101.12.1023",
  homeHealthcareServices: "2.16.840.1.113883.3.464.1003.101.12.1016",
  virtualEncounter: "2.16.840.1.113883.3.464.1003.101.12.1089",
  telephoneVisits: "2.16.840.1.113883.3.464.1003.101.12.1080",
} as const;

const code = {
  dischargeHomeHospice: [systems.snomed, "428361000124107"],
  dischargeFacilityHospice: [systems.snomed, "428371000124100"],
  hospiceMds: [systems.loinc, "45755-6"],
  yes: [systems.snomed, "373066001"],
  facitPal: [systems.loinc, "71007-9"],
  medicalEquipmentUsed: [systems.loinc, "98181-1"],
  housingStatus: [systems.loinc, "71802-3"],
  livesInNursingHome: [systems.snomed, "160734000"],
} as const satisfies Record<string, readonly [string, string]>;

/** Encounters of these value sets, performed, during the period (AdultOutpatientEncounters and kin). */
export function qualifyingEncounters(facts: QmFacts, oids: readonly string[], window: Span): QmResource[] {
  return facts.resources.filter(
    (r) => r.resourceType === "Encounter" && isEncounterPerformed(r) && oids.some((oid) => inValueSet(r.codes, oid)) && during(r.timing, window),
  );
}

/**
 * The 2026 Status library counts an encounter as performed only when finished (2025: also arrived,
 * triaged, in-progress, on leave); measures on the 2026 libraries pass it to the functions below.
 */
export const isEncounterFinished = (r: QmResource) => r.status === "finished";

/** Hospice."Has Hospice Services". */
export function hasHospiceServices(facts: QmFacts, mp: Span, encounterPerformed = isEncounterPerformed): boolean {
  return (
    retrieve(facts, "Encounter", vs.encounterInpatient).some(
      (e) => encounterPerformed(e) && (is(e.dischargeDisposition, code.dischargeHomeHospice) || is(e.dischargeDisposition, code.dischargeFacilityHospice)) && endsDuring(e.timing, mp),
    ) ||
    retrieve(facts, "Encounter", vs.hospiceEncounter).some((e) => encounterPerformed(e) && overlaps(e.timing, mp)) ||
    retrieve(facts, "Observation").some((o) => is(o.codes, code.hospiceMds) && isAssessmentPerformed(o) && is(o.value.codes, code.yes) && overlaps(o.timing, mp)) ||
    retrieve(facts, "ServiceRequest", vs.hospiceCareAmbulatory).some((s) => isInterventionOrder(s) && s.authoredOn !== null && s.authoredOn >= mp.lo && s.authoredOn <= mp.hi) ||
    retrieve(facts, "Procedure", vs.hospiceCareAmbulatory).some((p) => isInterventionPerformed(p) && overlaps(p.timing, mp)) ||
    retrieve(facts, "Condition", vs.hospiceDiagnosis).some((c) => isVerified(c) && overlaps(prevalenceInterval(c), mp))
  );
}

/** PalliativeCare."Has Palliative Care in the Measurement Period". */
export function hasPalliativeCare(facts: QmFacts, mp: Span, encounterPerformed = isEncounterPerformed): boolean {
  return (
    retrieve(facts, "Observation").some((o) => is(o.codes, code.facitPal) && isAssessmentPerformed(o) && overlaps(o.timing, mp)) ||
    retrieve(facts, "Condition", vs.palliativeCareDiagnosis).some((c) => isVerified(c) && overlaps(prevalenceInterval(c), mp)) ||
    retrieve(facts, "Encounter", vs.palliativeCareEncounter).some((e) => encounterPerformed(e) && overlaps(e.timing, mp)) ||
    retrieve(facts, "Procedure", vs.palliativeCareIntervention).some((p) => isInterventionPerformed(p) && overlaps(p.timing, mp))
  );
}

/** AdvancedIllnessandFrailty."Has Criteria Indicating Frailty". */
export function hasCriteriaIndicatingFrailty(facts: QmFacts, mp: Span, encounterPerformed = isEncounterPerformed): boolean {
  return (
    retrieve(facts, "DeviceRequest", vs.frailtyDevice).some((d) => isDeviceOrder(d) && !d.doNotPerform && d.authoredOn !== null && d.authoredOn >= mp.lo && d.authoredOn <= mp.hi) ||
    retrieve(facts, "Observation").some((o) => is(o.codes, code.medicalEquipmentUsed) && isAssessmentPerformed(o) && inValueSet(o.value.codes, vs.frailtyDevice) && endsDuring(o.timing, mp)) ||
    retrieve(facts, "Condition", vs.frailtyDiagnosis).some((c) => isVerified(c) && overlaps(prevalenceInterval(c), mp)) ||
    retrieve(facts, "Encounter", vs.frailtyEncounter).some((e) => encounterPerformed(e) && overlaps(e.timing, mp)) ||
    retrieve(facts, "Observation", vs.frailtySymptom).some((o) => isSymptom(o) && overlaps(o.timing, mp))
  );
}

/** Advanced illness diagnosed, or dementia medication active, in the year before or during the period. */
function hasAdvancedIllnessOrDementiaMedication(facts: QmFacts, mp: Span): boolean {
  const window = { lo: yearsBefore(mp.lo, 1), hi: mp.hi };
  return (
    retrieve(facts, "Condition", vs.advancedIllness).some((c) => isVerified(c) && startsDuring(prevalenceInterval(c), window)) ||
    retrieve(facts, "MedicationRequest", vs.dementiaMedications).some((m) => isMedicationActive(m) && overlaps(m.medicationPeriod, window))
  );
}

/** AdvancedIllnessandFrailty."Is Age 66 or Older with Advanced Illness and Frailty". */
export function isAge66PlusWithAdvancedIllnessAndFrailty(facts: QmFacts, mp: Span, encounterPerformed = isEncounterPerformed): boolean {
  return ageInYearsAt(facts, mp.hi) >= 66 && hasCriteriaIndicatingFrailty(facts, mp, encounterPerformed) && hasAdvancedIllnessOrDementiaMedication(facts, mp);
}

/** AdvancedIllnessandFrailty."Is Age 66 or Older Living Long Term in a Nursing Home": the last housing status says so. */
export function isAge66PlusLivingInNursingHome(facts: QmFacts, mp: Span): boolean {
  if (ageInYearsAt(facts, mp.hi) < 66) return false;
  const statuses = retrieve(facts, "Observation")
    .filter((o) => is(o.codes, code.housingStatus) && isAssessmentPerformed(o) && endsOnOrBefore(o.timing, mp.hi))
    .sort((a, b) => a.timing!.hi - b.timing!.hi);
  const last = statuses.at(-1);
  return last !== undefined && is(last.value.codes, code.livesInNursingHome);
}

/** The exclusions most screening measures share: hospice, 66+ frail with advanced illness, 66+ in a nursing home, palliative care. */
export function hasCommonExclusions(facts: QmFacts, mp: Span, reasons: string[]): boolean {
  const checks: [string, () => boolean][] = [
    ["hospice care in the period", () => hasHospiceServices(facts, mp)],
    ["66 or older with frailty and advanced illness", () => isAge66PlusWithAdvancedIllnessAndFrailty(facts, mp)],
    ["66 or older living long term in a nursing home", () => isAge66PlusLivingInNursingHome(facts, mp)],
    ["palliative care in the period", () => hasPalliativeCare(facts, mp)],
  ];
  for (const [label, check] of checks) {
    if (check()) {
      reasons.push(`Excluded: ${label}.`);
      return true;
    }
  }
  return false;
}
