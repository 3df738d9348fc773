import type { Coding } from "../code-set";
import { addMonthsClamped, parseIsoDate, type DayNumber } from "../calendar-date";
import type { QmComponent, QmFacts, QmResource, QmResourceType, QmValue, Span } from "./qm-facts";

/**
 * FHIR R4 / QI-Core resources of one patient → QmFacts. Pure and total: a malformed resource loses
 * only the fields it got wrong, and a resource type quality measures never read is dropped. Returns
 * null when there is no Patient with a birth date (no measure can place such a patient).
 */
type Json = Record<string, unknown>;

const qmTypes = new Set<QmResourceType>([
  "Encounter", "Condition", "Procedure", "Observation", "DiagnosticReport", "ServiceRequest", "DeviceRequest",
  "MedicationRequest", "MedicationDispense", "MedicationAdministration", "Immunization", "AllergyIntolerance", "Coverage", "Task",
]);
// QI-Core's doNotPerform modifier, or the R5 backport (extension-DeviceRequest.doNotPerform).
const isDoNotPerformUrl = (url: unknown) => typeof url === "string" && /doNotPerform$/i.test(url);
// Why a thing was not done: QI-Core's notDoneReason / doNotPerformReason (ServiceNotRequested.reasonRefused),
// under the qicore- or us-quality-core- prefix the profiles have used.
const isNotDoneReasonUrl = (url: unknown) => typeof url === "string" && /(notDoneReason|doNotPerformReason)$/i.test(url);

const obj = (value: unknown): Json | undefined => (value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : undefined);
const arr = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);
const str = (value: unknown): string | null => (typeof value === "string" ? value : null);

/** The calendar day a FHIR date or dateTime names, as written (its own offset, not converted). */
export function toDay(value: unknown): DayNumber | null {
  const text = str(value);
  if (!text) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return parseIsoDate(text.slice(0, 10));
  // Partial dates: a year or a month means its first day (CQL compares them with uncertainty; the
  // first day is what a day-precision comparison of the low end sees).
  if (/^\d{4}-\d{2}$/.test(text)) return parseIsoDate(`${text}-01`);
  if (/^\d{4}$/.test(text)) return parseIsoDate(`${text}-01-01`);
  return null;
}

export function codingsOf(concept: unknown): Coding[] {
  const out: Coding[] = [];
  for (const c of arr(obj(concept)?.coding)) {
    const coding = obj(c);
    const code = str(coding?.code);
    if (coding && code) out.push({ system: str(coding.system) ?? "", code, display: str(coding.display) });
  }
  return out;
}
const conceptsOf = (value: unknown): Coding[] => arr(value).flatMap(codingsOf);
const firstCode = (concept: unknown): string | null => codingsOf(concept)[0]?.code ?? null;
const refId = (reference: unknown): string | null => str(obj(reference)?.reference)?.split("/").at(-1)?.replace(/^#/, "") ?? null;

const point = (day: DayNumber): Span => ({ lo: day, hi: day });

/** FHIRHelpers.ToInterval(Period): no start → unknown start; no end → unbounded (ongoing). */
function periodSpan(period: Json): Span | null {
  const start = toDay(period.start);
  const end = toDay(period.end);
  if (start === null && end === null) return null;
  if (start === null) return { lo: -Infinity, loUnknown: true, hi: end! };
  return { lo: start, hi: end ?? Infinity };
}

/** An Age (onsetAge): the year the patient was that age. */
function ageSpan(age: Json, birth: DayNumber | null): Span | null {
  const years = typeof age.value === "number" ? age.value : null;
  if (years === null || birth === null) return null;
  const from = addMonthsClamped(birth, Math.floor(years) * 12);
  return { lo: from, hi: addMonthsClamped(from, 12) - 1 };
}

/** A choice element `field[x]`: dateTime, Period, Age, or a plain date/instant. */
function choiceSpan(resource: Json, field: string, birth: DayNumber | null): Span | null {
  const dateTime = toDay(resource[`${field}DateTime`]) ?? toDay(resource[`${field}Instant`]) ?? toDay(resource[`${field}Date`]);
  if (dateTime !== null) return point(dateTime);
  const period = obj(resource[`${field}Period`]);
  if (period) return periodSpan(period);
  const age = obj(resource[`${field}Age`]);
  if (age) return ageSpan(age, birth);
  const plain = toDay(resource[field]);
  return plain === null ? null : point(plain);
}

function valueOf(resource: Json): QmValue {
  const quantity = obj(resource.valueQuantity);
  const number =
    typeof quantity?.value === "number" ? quantity.value
    : typeof resource.valueInteger === "number" ? resource.valueInteger
    : typeof resource.valueDecimal === "number" ? resource.valueDecimal
    : null;
  const unit = str(quantity?.unit) ?? str(quantity?.code);
  const system = str(quantity?.system);
  const ucumCode = system === null || system === "http://unitsofmeasure.org" ? str(quantity?.code) : null;
  return {
    number,
    unit,
    ucumCode,
    codes: codingsOf(resource.valueCodeableConcept),
    present: Object.keys(resource).some((key) => /^value[A-Z]/.test(key) && resource[key] !== null && resource[key] !== undefined),
  };
}

const unitToPerDay: Record<string, number> = {
  h: 24, hour: 24, hours: 24, min: 24 * 60, minute: 24 * 60, minutes: 24 * 60, s: 86_400, second: 86_400, seconds: 86_400,
  d: 1, day: 1, days: 1, wk: 1 / 7, week: 1 / 7, weeks: 1 / 7, mo: 1 / 30, month: 1 / 30, months: 1 / 30, a: 1 / 365, year: 1 / 365, years: 1 / 365,
};
const daysIn: Record<string, number> = { d: 1, day: 1, days: 1, wk: 7, week: 7, weeks: 7, mo: 30, month: 30, months: 30, a: 365, year: 365, years: 365, h: 1 / 24, hour: 1 / 24 };

/** CumulativeMedicationDuration.medicationRequestPeriod, as the eCQM library computes it. */
function medicationRequestPeriod(request: Json): Span | null {
  const dosage = obj(arr(request.dosageInstruction).length === 1 ? arr(request.dosageInstruction)[0] : undefined);
  const doseAndRate = obj(arr(dosage?.doseAndRate).length === 1 ? arr(dosage?.doseAndRate)[0] : undefined);
  const repeat = obj(obj(dosage?.timing)?.repeat);
  const frequency = typeof repeat?.frequencyMax === "number" ? repeat.frequencyMax : typeof repeat?.frequency === "number" ? repeat.frequency : null;
  const periodValue = typeof repeat?.period === "number" ? repeat.period : null;
  const perDay = unitToPerDay[str(repeat?.periodUnit) ?? ""];
  const doseQuantity = obj(doseAndRate?.doseQuantity) ?? obj(obj(doseAndRate?.doseRange)?.high);
  const dose = typeof doseQuantity?.value === "number" ? doseQuantity.value : null;
  const dosesPerDay =
    frequency !== null && periodValue !== null && perDay !== undefined ? (frequency / periodValue) * perDay
    : arr(repeat?.timeOfDay).length > 0 ? arr(repeat?.timeOfDay).length
    : 1;
  const bounds = obj(repeat?.boundsPeriod);
  const dispense = obj(request.dispenseRequest);
  const supply = obj(dispense?.expectedSupplyDuration);
  const supplyDays = typeof supply?.value === "number" ? supply.value * (daysIn[str(supply.unit) ?? str(supply.code) ?? "d"] ?? 1) : null;
  const quantity = obj(dispense?.quantity);
  const refills = typeof dispense?.numberOfRepeatsAllowed === "number" ? dispense.numberOfRepeatsAllowed : 0;
  const start = toDay(bounds?.start) ?? toDay(request.authoredOn) ?? toDay(obj(dispense?.validityPeriod)?.start);
  const perFill = supplyDays ?? (typeof quantity?.value === "number" && dose ? quantity.value / (dose * dosesPerDay) : null);
  if (start !== null && perFill !== null) return { lo: start, hi: start + Math.round(perFill * (1 + refills)) - 1 };
  const boundsEnd = toDay(bounds?.end);
  if (start !== null && boundsEnd !== null) return { lo: start, hi: boundsEnd };
  return null;
}

function toResource(r: Json, birth: DayNumber | null, medications: ReadonlyMap<string, Coding[]>): QmResource {
  const type = r.resourceType as QmResourceType;
  const modifierDoNotPerform = arr(r.modifierExtension).some((e) => isDoNotPerformUrl(obj(e)?.url) && obj(e)?.valueBoolean === true);
  const notDoneReason = arr(r.extension).filter((e) => isNotDoneReasonUrl(obj(e)?.url)).flatMap((e) => codingsOf(obj(e)?.valueCodeableConcept));
  let codes: Coding[];
  let timing: Span | null = null;
  switch (type) {
    case "Encounter":
      codes = conceptsOf(r.type);
      timing = obj(r.period) ? periodSpan(obj(r.period)!) : null;
      break;
    case "Condition":
    case "AllergyIntolerance":
      codes = codingsOf(r.code);
      timing = choiceSpan(r, "onset", birth);
      break;
    case "Procedure":
      codes = codingsOf(r.code);
      timing = choiceSpan(r, "performed", birth);
      break;
    case "Observation":
    case "DiagnosticReport":
      codes = codingsOf(r.code);
      timing = choiceSpan(r, "effective", birth);
      break;
    case "Immunization":
      codes = codingsOf(r.vaccineCode);
      timing = choiceSpan(r, "occurrence", birth);
      break;
    case "MedicationRequest":
    case "MedicationDispense":
    case "MedicationAdministration": {
      const reference = refId(r.medicationReference);
      codes = [...codingsOf(r.medicationCodeableConcept), ...(reference ? (medications.get(reference) ?? []) : [])];
      timing = type === "MedicationDispense" ? (choiceSpan(r, "whenHandedOver", birth) ?? choiceSpan(r, "whenPrepared", birth)) : choiceSpan(r, "effective", birth);
      break;
    }
    case "Coverage":
      codes = codingsOf(r.type);
      timing = obj(r.period) ? periodSpan(obj(r.period)!) : null;
      break;
    default:
      // DeviceRequest.code[x] is a choice (codeCodeableConcept).
      codes = [...codingsOf(r.code), ...codingsOf(r.codeCodeableConcept)];
      timing = choiceSpan(r, "occurrence", birth) ?? (obj(r.executionPeriod) ? periodSpan(obj(r.executionPeriod)!) : null);
  }
  const abatement = type === "Condition" ? choiceSpan(r, "abatement", birth) : null;
  const hospitalization = obj(r.hospitalization);
  return {
    id: str(r.id) ?? "",
    resourceType: type,
    codes,
    status: str(r.status),
    intent: str(r.intent),
    category: conceptsOf(r.category),
    doNotPerform: r.doNotPerform === true || modifierDoNotPerform,
    timing,
    authoredOn: toDay(r.authoredOn),
    recorded: toDay(r.issued) ?? toDay(r.recordedDate),
    value: valueOf(r),
    components: arr(r.component).flatMap((c): QmComponent[] => (obj(c) ? [{ codes: codingsOf(obj(c)!.code), value: valueOf(obj(c)!) }] : [])),
    clinicalStatus: firstCode(r.clinicalStatus),
    verificationStatus: firstCode(r.verificationStatus),
    abatement,
    classCode: str(obj(r.class)?.code),
    dischargeDisposition: codingsOf(hospitalization?.dischargeDisposition),
    diagnosisIds: arr(r.diagnosis).flatMap((d) => refId(obj(d)?.condition) ?? []),
    reasonCodes: conceptsOf(r.reasonCode),
    reasonIds: arr(r.reasonReference).flatMap((ref) => refId(ref) ?? []),
    statusReason: [...conceptsOf(r.statusReason), ...notDoneReason],
    medicationPeriod: type === "MedicationRequest" ? medicationRequestPeriod(r) : null,
    encounterId: refId(r.encounter),
    bodySite: conceptsOf(r.bodySite),
    focusIds: arr(r.focus).flatMap((ref) => refId(ref) ?? []),
  };
}

const usCoreSexUrl = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-sex";
/** The US Core sex extension (valueCode, or a valueCoding in older profiles). */
function sexExtensionCode(patient: Json): string | null {
  const extension = arr(patient.extension).map(obj).find((e) => e?.url === usCoreSexUrl);
  return str(extension?.valueCode) ?? str(obj(extension?.valueCoding)?.code);
}

const usCoreRaceUrl = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race";
/** The US Core race extension's ombCategory and detailed codings. */
function raceCodings(patient: Json): Coding[] {
  const race = arr(patient.extension).map(obj).filter((e) => e?.url === usCoreRaceUrl);
  return race.flatMap((e) => arr(e?.extension).map(obj)).flatMap((part) => {
    const coding = obj(part?.valueCoding);
    const code = str(coding?.code);
    return (part?.url === "ombCategory" || part?.url === "detailed") && coding && code ? [{ system: str(coding.system) ?? "", code, display: str(coding.display) }] : [];
  });
}

export function toQmFacts(resources: readonly unknown[]): QmFacts | null {
  const all = resources.flatMap((r) => (obj(r) && typeof obj(r)!.resourceType === "string" ? [obj(r)!] : []));
  const patient = all.find((r) => r.resourceType === "Patient");
  const birthDate = toDay(patient?.birthDate);
  if (!patient || birthDate === null) return null;
  const medications = new Map(all.filter((r) => r.resourceType === "Medication").map((m) => [str(m.id) ?? "", codingsOf(m.code)]));
  const out = all.filter((r) => qmTypes.has(r.resourceType as QmResourceType)).map((r) => toResource(r, birthDate, medications));
  const gender = str(patient.gender);
  return {
    birthDate,
    sex: gender === "female" || gender === "male" || gender === "other" ? gender : "unknown",
    deceased: toDay(patient.deceasedDateTime),
    race: raceCodings(patient),
    // Many EHRs do not send the US Core sex extension yet; their administrative gender is then the
    // best record of sex (it is what the 2025 versions read), rather than leaving every woman out.
    sexCode: sexExtensionCode(patient) ?? (gender === "female" ? "248152002" : gender === "male" ? "248153007" : null),
    resources: out,
    byId: new Map(out.map((r) => [r.id, r])),
  };
}
