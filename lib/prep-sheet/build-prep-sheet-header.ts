import { computeAgeInYears, parseIsoDate } from "@/lib/screening";
import { formatPrintedDateTime } from "@/lib/dates/format-clinic-time";
import { toClinicDate } from "@/lib/dates/to-clinic-date";
import type { DomainAppointment, PatientFacts, PatientIdentity } from "@/lib/fhir/to-domain/types";
import type { PrepSheetHeader } from "./prep-sheet-model";
import type { PrepSheetSettings } from "./prep-sheet-settings";

export type HeaderInput = {
  asOf: string;
  generatedAt: string;
  timeZone: string;
  clinicName: string;
  patient: PatientFacts;
  identity: PatientIdentity | null;
  appointment: DomainAppointment | null;
  provider: { displayName: string } | null;
  settings: PrepSheetSettings;
};

const sexLabels: Record<PatientFacts["sexForClinicalUse"], string> = {
  female: "Female", male: "Male", other: "Other", unknown: "Unknown",
};
const nameUseRank: Record<string, number> = { official: 0, usual: 1 };

export function readDisplayName(identity: PatientIdentity | null): string {
  const names = [...(identity?.names ?? [])].sort(
    (a, b) => (nameUseRank[a.use ?? ""] ?? 2) - (nameUseRank[b.use ?? ""] ?? 2),
  );
  for (const name of names) {
    const built = [...name.given, name.family ?? ""].join(" ").replace(/\s+/g, " ").trim();
    const text = name.text?.replace(/\s+/g, " ").trim() || built;
    if (text) return text;
  }
  return "(name not available)";
}

/** The clinic's MRN: an identifier in a configured system, else one typed MR / "MRN". */
export function findMrn(identity: PatientIdentity | null, systems: readonly string[]): string | null {
  const identifiers = identity?.identifiers ?? [];
  const bySystem = identifiers.find((i) => i.system !== null && systems.includes(i.system));
  const byType = identifiers.find((i) => i.type !== null && /^(MR|MRN)$|medical record/i.test(i.type));
  return (bySystem ?? byType)?.value ?? null;
}

/** Age in whole years at asOf; null unless the birth date is a full, valid, past date. */
export function computeAge(birthDate: string | null, asOf: string): number | null {
  const birth = parseIsoDate(birthDate);
  const on = parseIsoDate(asOf);
  if (birth === null || on === null || birth > on) return null;
  return computeAgeInYears(birth, on);
}

export function buildPrepSheetHeader(input: HeaderInput): PrepSheetHeader {
  const { appointment, timeZone } = input;
  const type = appointment?.appointmentType?.text ?? appointment?.serviceTypes[0]?.text ?? null;
  return {
    patientName: readDisplayName(input.identity),
    ehrPatientId: input.patient.ehrId,
    birthDate: input.patient.birthDate,
    ageYears: computeAge(input.patient.birthDate, input.asOf),
    sex: sexLabels[input.patient.sexForClinicalUse] ?? "Unknown",
    // MRN gating lives here so no renderer can print it by accident.
    mrn: input.settings.showMrn ? findMrn(input.identity, input.settings.mrnSystems) : null,
    appointment: appointment && {
      ehrId: appointment.ehrId,
      encounterId: appointment.encounterId,
      start: appointment.start,
      display: appointment.start ? formatPrintedDateTime(appointment.start, timeZone) : null,
      localDate: toClinicDate(appointment.start, timeZone),
      type,
    },
    providerName: input.provider?.displayName.trim() || null,
    clinicName: input.clinicName,
    generatedDisplay: formatPrintedDateTime(input.generatedAt, timeZone) ?? input.generatedAt,
  };
}
