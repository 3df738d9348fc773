import type { QmFacts, QmResource, Span } from "./qm-facts";
import type { EncounterPerformedRule } from "./qm-logic";
import {
  ageInYearsAt, during, endsDuring, endsOnOrBefore, inValueSet, isAssessmentPerformed, isDeviceOrder, isEncounterPerformed,
  isInterventionOrder, isInterventionPerformed, isMedicationActive, isSymptom, isVerified, overlaps, prevalenceInterval, retrieve,
  startsDuring, systems, yearsBefore, is,
} from "./qm-logic";
import { valueSetsNamed } from "./value-set-oids";

/**
 * The shared eCQM libraries most measures include: Hospice, PalliativeCare, AdvancedIllnessandFrailty
 * and the qualifying-encounter pattern. Each value set is named and cited by its VSAC OID.
 */
export const vs = valueSetsNamed(
  "encounterInpatient", "hospiceEncounter", "hospiceCareAmbulatory", "hospiceDiagnosis", "palliativeCareDiagnosis",
  "palliativeCareEncounter", "palliativeCareIntervention", "frailtyDevice", "frailtyDiagnosis", "frailtyEncounter", "frailtySymptom",
  "advancedIllness", "dementiaMedications", "officeVisit", "annualWellnessVisit", "preventiveEstablished18Up", "preventiveInitial18Up",
  "homeHealthcareServices", "virtualEncounter", "telephoneVisits",
);

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

/**
 * Encounters of these value sets, performed, during the period (AdultOutpatientEncounters and kin).
 * Here and below, measures on the QI-Core 6 libraries pass `isEncounterFinished` as the Status rule.
 */
export function qualifyingEncounters(facts: QmFacts, oids: readonly string[], window: Span, encounterPerformed: EncounterPerformedRule = isEncounterPerformed): QmResource[] {
  return facts.resources.filter(
    (r) => r.resourceType === "Encounter" && encounterPerformed(r) && oids.some((oid) => inValueSet(r.codes, oid)) && during(r.timing, window),
  );
}

/** Hospice."Has Hospice Services". */
export function hasHospiceServices(facts: QmFacts, mp: Span, encounterPerformed: EncounterPerformedRule = isEncounterPerformed): boolean {
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
export function hasPalliativeCare(facts: QmFacts, mp: Span, encounterPerformed: EncounterPerformedRule = isEncounterPerformed): boolean {
  return (
    retrieve(facts, "Observation").some((o) => is(o.codes, code.facitPal) && isAssessmentPerformed(o) && overlaps(o.timing, mp)) ||
    retrieve(facts, "Condition", vs.palliativeCareDiagnosis).some((c) => isVerified(c) && overlaps(prevalenceInterval(c), mp)) ||
    retrieve(facts, "Encounter", vs.palliativeCareEncounter).some((e) => encounterPerformed(e) && overlaps(e.timing, mp)) ||
    retrieve(facts, "Procedure", vs.palliativeCareIntervention).some((p) => isInterventionPerformed(p) && overlaps(p.timing, mp))
  );
}

/** AdvancedIllnessandFrailty."Has Criteria Indicating Frailty". */
export function hasCriteriaIndicatingFrailty(facts: QmFacts, mp: Span, encounterPerformed: EncounterPerformedRule = isEncounterPerformed): boolean {
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
export function isAge66PlusWithAdvancedIllnessAndFrailty(facts: QmFacts, mp: Span, encounterPerformed: EncounterPerformedRule = isEncounterPerformed): boolean {
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
